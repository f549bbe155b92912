package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygate.Corpus;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Contact;
import dev.policygate.facts.CrossBorderTransfer;
import dev.policygate.facts.DataCollection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.NecessityStatement;
import dev.policygate.facts.PiType;
import dev.policygate.facts.ProtectionOfficer;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.SeparateConsent;
import dev.policygate.facts.SharingClause;
import dev.policygate.facts.Status;
import dev.policygate.facts.StorageLocation;
import dev.policygate.facts.ThirdParty;
import dev.policygate.ingest.Ingestor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The full shipped rule set evaluates the facts of every corpus policy, and small fact sets that exercise the
 * obligations with {@code or} inside {@code exists}/{@code not}, without an exception and with exactly one finding
 * for every obligation. (The verbose-logging crash of those shapes is covered by {@link DroolsLoggingTest}.)
 */
class CorpusEvaluationTest {
    static CompiledRuleSet rs;
    static RuleEvaluator evaluator;

    @BeforeAll
    static void compile() {
        rs = new RuleCompiler().compile(RulePackLoader.load(Path.of("rules")));
        evaluator = new RuleEvaluator(RuleEvaluator.DEFAULT_MAX_FIRINGS, Duration.ofSeconds(20), 2, 64);
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    static void assertEveryObligationDecided(Evaluation e) {
        List<String> missing = new ArrayList<>();
        for (Obligation o : rs.obligations()) {
            if (e.finding(o.id()).isEmpty()) {
                missing.add(o.id());
            }
        }
        assertTrue(missing.isEmpty(), "obligations without a finding: " + missing);
    }

    static Evaluation evaluate(List<? extends Fact> facts) {
        try {
            return evaluator.evaluate(rs, facts);
        } catch (RuntimeException ex) {
            fail("evaluation failed: " + ex, ex);
            throw ex;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusPolicyEvaluates() {
        List<Path> all = new ArrayList<>(Corpus.government());
        all.addAll(Corpus.commercial());
        assertEquals(38, all.size(), "corpus files");
        return all.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName() + "/" + p.getFileName(), () -> {
            List<Fact> facts = new FactExtractor().extract(new Ingestor().ingestText(Corpus.read(p)));
            assertEveryObligationDecided(evaluate(facts));
        }));
    }

    /** 003 says "只有共享您的信息,才能提供您需要的产品或服务" under its sharing section: sharing and its condition are disclosed. */
    @Test
    void gov003DisclosesThirdPartySharing() {
        List<Fact> facts = new FactExtractor().extract(new Ingestor().ingestText(Corpus.read("003_c0a6ceb5a7d8050c.txt")));
        assertEquals(Status.MET, evaluate(facts).finding("THIRD_PARTY_DISCLOSED").orElseThrow().status());
    }

    static List<Citation> cite(int start) {
        return List.of(new Citation(start, start + 2, "", "xx"));
    }

    static final ThirdParty THIRD_PARTY = new ThirdParty(ThirdParty.Kind.SDK, "甲公司", "推送SDK", true, "消息推送",
            List.of("设备标识符"), null, false, cite(0));

    /** The minimal crashing case: SHARING_CONSENT had two {@code exists (A or B)}; one ThirdParty fact. */
    @Test
    void singleThirdParty() {
        Evaluation e = evaluate(List.of(THIRD_PARTY));
        assertEveryObligationDecided(e);
        assertEquals(Status.NOT_MET, e.finding("SHARING_CONSENT").orElseThrow().status());
        assertEquals(Status.MET, e.finding("THIRD_PARTY_DETAILS").orElseThrow().status());
    }

    /** Every single fact and every pair of the facts the rewritten obligations read. */
    @Test
    void singleFactsAndPairsOfTheRewrittenObligations() {
        List<Fact> facts = List.of(
                THIRD_PARTY,
                new ThirdParty(ThirdParty.Kind.RECIPIENT, null, "合作伙伴", false, null, null, null, false, cite(3)),
                new SharingClause(SharingClause.Kind.SHARING_CONDITIONS, cite(6)),
                new SharingClause(SharingClause.Kind.CONSENT_BEFORE_SHARING, cite(9)),
                new SharingClause(SharingClause.Kind.PUBLIC_DISCLOSURE_NEVER, cite(12)),
                new SeparateConsent(SeparateConsent.Subject.SHARING, cite(15)),
                new SeparateConsent(SeparateConsent.Subject.PUBLIC_DISCLOSURE, cite(18)),
                new SeparateConsent(SeparateConsent.Subject.SENSITIVE_PI, cite(21)),
                new SeparateConsent(SeparateConsent.Subject.CROSS_BORDER, cite(24)),
                new DataCollection("注册", "创建账号", List.of(new PiType("身份证号码", "身份信息", true)), null, null,
                        false, false, cite(27)),
                new SensitivePiLabel(List.of("身份证号码"), false, cite(30)),
                new SensitivePiLabel(List.of("身份信息"), true, cite(33)),
                new NecessityStatement(NecessityStatement.Aspect.NECESSITY, cite(36)),
                new ProtectionOfficer("个人信息保护负责人", false, cite(39)),
                new ProtectionOfficer("个人信息保护负责人", true, cite(42)),
                new Contact(Contact.Channel.EMAIL, "dpo@example.com", Contact.Owner.PROTECTION_OFFICER, cite(45)),
                new CrossBorderTransfer(true, "境外公司", "客服", List.of("姓名"), true, true, true, cite(48)),
                new CrossBorderTransfer(true, null, null, null, false, false, false, cite(51)),
                new StorageLocation(StorageLocation.Region.ABROAD, "新加坡", cite(54)));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            for (int j = i; j < facts.size(); j++) {
                List<Fact> set = i == j ? List.of(facts.get(i)) : List.of(facts.get(i), facts.get(j));
                try {
                    Evaluation e = evaluator.evaluate(rs, set);
                    for (Obligation o : rs.obligations()) {
                        if (e.finding(o.id()).isEmpty()) {
                            failures.add(set + ": no finding for " + o.id());
                        }
                    }
                } catch (RuntimeException ex) {
                    failures.add(set + ": " + ex);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failing fact sets, e.g.:\n"
                + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
    }
}
