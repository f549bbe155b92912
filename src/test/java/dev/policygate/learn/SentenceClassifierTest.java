package dev.policygate.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import dev.policygate.extract.FactExtractor;
import dev.policygate.extract.SentenceClassifier;
import dev.policygate.facts.Area;
import dev.policygate.extract.FactAreas;
import dev.policygate.facts.AreaStatement;
import dev.policygate.facts.CessationClause;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Contact;
import dev.policygate.facts.ResponseDeadline;
import dev.policygate.facts.Retention;

import dev.policygate.facts.RightStatement;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.ThirdParty;
import dev.policygate.facts.DataCollection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.PermissionRequest;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import dev.policygate.ingest.Sentence;
import dev.policygate.report.JsonReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped sentence classifier and the learned layer it feeds (no labelled data needed). */
class SentenceClassifierTest {
    private static final SentenceClassifier MODEL = SentenceClassifier.shipped();

    private static Set<Area> areas(String sentence) {
        return MODEL.areas(sentence, 0, sentence.length(), "");
    }

    @Test
    void theModelFileCarriesTheDataAttributionAndReadsBackToTheSameBytes() throws IOException {
        String file;
        try (InputStream in = SentenceClassifier.class.getResourceAsStream(SentenceClassifier.RESOURCE)) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(file.contains("CAPP-130") && file.contains("CC BY 4.0"), "attribution of the training data");
        StringWriter out = new StringWriter();
        SentenceClassifier.read(new BufferedReader(new StringReader(file))).write(out);
        assertEquals(file, out.toString());
        assertTrue(MODEL.features() > 10_000, "features: " + MODEL.features());
    }

    @Test
    void sentencesOfUnseenWordingAreSortedIntoTheirAreas() {
        // written for this test, in none of the labelled policies
        assertEquals(Set.of(Area.COLLECTION), areas("办理社保业务时，您需要填写姓名、证件号码和手机号码。"));
        assertTrue(areas("未经您的同意，我们不会向合作伙伴提供您的个人信息。").contains(Area.SHARING));
        assertTrue(areas("您可以在“我的-设置-账号与安全”中申请注销您的账号。").contains(Area.RIGHTS));
        assertTrue(areas("我们采用加密传输和访问控制等措施，防止您的个人信息遭到未经授权的访问。")
                .contains(Area.SECURITY));
        assertTrue(areas("若您是不满十四周岁的未成年人，请在监护人的陪同下阅读本政策。")
                .contains(Area.SPECIAL_GROUPS));
        assertEquals(Set.of(), areas("欢迎使用本应用。"));
    }

    @Test
    void aSentenceNoPatternReadsBecomesAnAreaStatementCitingIt() {
        String text = "一、我们如何收集您的个人信息\n我们处理的个人信息包括：基本资料（姓名、出生日期、性别）；身份信息（身份证件号码）。\n"
                + "身份信息：身份证件号码、护照号码，用于实名认证。\n二、权限\n为了扫码，我们会申请相机权限。";
        Document d = new Ingestor().ingestText(text);
        List<Fact> facts = new FactExtractor().extract(d);
        // the enumeration without a collection verb is read by the collection patterns
        assertTrue(facts.stream().anyMatch(f -> f instanceof DataCollection c
                && c.citations().get(0).quote().startsWith("我们处理的个人信息包括")), facts.toString());
        List<AreaStatement> learned = facts.stream().filter(f -> f instanceof AreaStatement)
                .map(f -> (AreaStatement) f).toList();
        AreaStatement collection = learned.stream().filter(s -> s.area() == Area.COLLECTION)
                .filter(s -> s.citations().get(0).quote().startsWith("身份信息：")).findFirst().orElseThrow();
        assertTrue(collection.probability() >= MODEL.threshold(Area.COLLECTION));
        // pipelines post /extractions' facts back to /evaluations: the new type round-trips through JSON
        try {
            String json = JsonReport.MAPPER.writerFor(Fact.class).writeValueAsString(collection);
            assertTrue(json.contains("\"type\":\"AreaStatement\""), json);
            assertEquals(collection, JsonReport.MAPPER.readValue(json, Fact.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(collection.piTypes().stream().anyMatch(t -> t.name().contains("身份证")), collection.toString());
        assertEquals(d.normalizedText().substring(collection.citations().get(0).start(),
                collection.citations().get(0).end()), collection.citations().get(0).quote());
        // the permission sentence is read by the permission patterns: no second fact of that area for it
        assertTrue(facts.stream().anyMatch(f -> f instanceof PermissionRequest));
        assertFalse(learned.stream().anyMatch(s -> s.area() == Area.PERMISSIONS
                && s.citations().get(0).quote().contains("相机")), learned.toString());
    }

    @Test
    void aPatternFactInASentenceTheClassifierRejectsForItsAreaIsDroppedButAValueStands() {
        Document d = new Ingestor().ingestText("六、您的权利\n（三）获取个人信息副本\n"
                + "如果你需要复制我们收集存储的个人信息，你可以通过本政策列出的联系方式与我们联系。\n（四）注销账号\n"
                + "您可以通过在线客服的指引了解账号的条件并完成账号注销；\n我们将在15个工作日内回复您的请求。");
        List<Fact> lexicons = new FactExtractor((SentenceClassifier) null).extract(d);
        List<Fact> learned = new FactExtractor().extract(d);
        // the patterns read 在线客服 in a step of closing the account as a contact channel; the classifier reads the
        // sentence as a right, not as contact, so the contact fact goes and the right stays
        assertTrue(lexicons.stream().anyMatch(f -> f instanceof Contact c && c.value().equals("在线客服")), lexicons.toString());
        assertFalse(learned.stream().anyMatch(f -> f instanceof Contact), learned.toString());
        assertTrue(learned.stream().anyMatch(f -> f instanceof RightStatement r && r.right() == RightStatement.Right.ACCOUNT_DELETION),
                learned.toString());
        // a response deadline is a value the rules compare: it stays wherever it stands
        assertTrue(learned.stream().anyMatch(f -> f instanceof ResponseDeadline r && r.days() == 15), learned.toString());
    }

    @Test
    void theLearnedLayerPrunesDoubtedCitationsAndDropsOnlyFactsItRejectsInEverySentence() {
        int pruned = 0;
        int dropped = 0;
        for (Path policy : Corpus.government()) {
            Document d = new Ingestor().ingestText(Corpus.read(policy));
            List<Fact> lexicons = new FactExtractor((SentenceClassifier) null).extract(d);
            List<Fact> learned = new FactExtractor().extract(d).stream()
                    .filter(f -> !(f instanceof AreaStatement)).toList();
            assertFalse(lexicons.isEmpty(), policy.toString());
            double[][] logits = MODEL.logits(d);
            int j = 0;
            for (Fact pattern : lexicons) {
                Fact kept = j < learned.size() ? learned.get(j) : null;
                if (kept != null && kept.getClass() == pattern.getClass()
                        && pattern.citations().containsAll(kept.citations())) {
                    j++;
                    assertFalse(kept.citations().isEmpty(), kept.toString());
                    if (!pattern.equals(kept)) {
                        pruned++;
                        assertTrue(pattern.citations().size() > kept.citations().size(), kept.toString());
                    }
                    continue;
                }
                // a dropped fact: of an area, no value the rules compare, rejected in every sentence it cites
                dropped++;
                Area area = FactAreas.of(pattern);
                assertTrue(area != null, pattern.toString());
                assertFalse(pattern instanceof ThirdParty || pattern instanceof ResponseDeadline || pattern instanceof CessationClause
                        || pattern instanceof Retention || pattern instanceof SensitivePiLabel, pattern.toString());
                for (Citation c : pattern.citations()) {
                    List<Sentence> sentences = d.sentences();
                    for (int i = 0; i < sentences.size(); i++) {
                        if (sentences.get(i).end() > c.start() && sentences.get(i).start() < c.end()) {
                            assertTrue(SentenceClassifier.probability(logits[i][area.ordinal()]) < 0.02,
                                    pattern + " in sentence " + i);
                        }
                    }
                }
            }
            assertEquals(learned.size(), j, policy + ": every fact of the learned layer is a pattern's fact");
        }
        assertTrue(pruned > 0, "some citation the classifier doubts is pruned in five policies");
        assertTrue(dropped > 0, "some fact the classifier rejects is dropped in five policies");
    }

    @Test
    void theLexiconsAloneMakeNoAreaStatements() {
        Document d = new Ingestor().ingestText("一、我们如何收集您的个人信息\n我们处理的个人信息包括：基本资料（姓名、出生日期、性别）；"
                + "身份信息（身份证件号码）。\n身份信息：身份证件号码、护照号码，用于实名认证。\n二、权限\n为了扫码，我们会申请相机权限。");
        assertTrue(new FactExtractor().extract(d).stream().anyMatch(f -> f instanceof AreaStatement));
        assertFalse(new FactExtractor((SentenceClassifier) null).extract(d).stream()
                .anyMatch(f -> f instanceof AreaStatement));
    }
}
