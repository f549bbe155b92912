package dev.policygate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.policygate.Corpus;
import dev.policygate.facts.Citation;
import dev.policygate.rules.LegalBasis;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A hand-made assessment with every status, and the SARIF schema check. */
public final class Fixtures {
    /** The original file: CRLF, ideographic spaces, blank lines, a script tag and XML-hostile characters. */
    public static final String ORIGINAL = "\ufeff示例App隐私政策 <script>alert('x')</script>\r\n\r\n"
            + "一、　我们如何收集信息\r\n"
            + "   我们收集您的手机号码，  用于注册。\r\n"
            + "\r\n\r\n"
            + "二、联系我们\r\n"
            + "如有问题请联系 privacy@example.com & \"法务部\" <legal>。\r\n";

    public static final String NORMALIZED = "示例App隐私政策 <script>alert('x')</script>\n"
            + "一、 我们如何收集信息\n"
            + "我们收集您的手机号码， 用于注册。\n"
            + "二、联系我们\n"
            + "如有问题请联系 privacy@example.com & \"法务部\" <legal>。";

    private Fixtures() {
    }

    public static Citation cite(String quote) {
        int start = NORMALIZED.indexOf(quote);
        if (start < 0) {
            throw new IllegalArgumentException(quote);
        }
        return new Citation(start, start + quote.length(), "", quote);
    }

    public static AssessmentReport report() {
        List<LegalBasis> basis = List.of(new LegalBasis("《中华人民共和国个人信息保护法》", "第十七条",
                "个人信息处理者在处理个人信息前，应当……告知<下列事项>。"));
        List<ReportedFinding> findings = List.of(
                new ReportedFinding("DATA_COLLECTION", "收集的个人信息", "Personal information collected", "CRITICAL",
                        "MET", basis, "列明了收集的信息。", "Lists what is collected.",
                        List.of(cite("我们收集您的手机号码， 用于注册。")), List.of()),
                new ReportedFinding("CONTACT", "联系方式", "Contact details", "MAJOR", "PARTIAL", basis,
                        "只有邮箱 <script>。", "Only an e-mail & no phone.",
                        List.of(cite("privacy@example.com & \"法务部\" <legal>")), List.of()),
                new ReportedFinding("HANDLER_IDENTITY", "处理者名称", "Handler's name", "CRITICAL", "NOT_MET", basis,
                        "未找到处理者名称。", "No handler named.", List.of(), List.of("二、联系我们")),
                new ReportedFinding("POLICY_DATES", "日期", "Dates", "MINOR", "NOT_MET", basis,
                        "没有日期。", "No dates.", List.of(), List.of()),
                new ReportedFinding("MINORS_RULES", "未成年人", "Minors", "MINOR", "NOT_APPLICABLE", basis,
                        "不适用。", "Not applicable.", List.of(), List.of()));
        return new AssessmentReport(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC), "示例 <App>", "abc", 1,
                new BigDecimal("47.5"), "NON_COMPLIANT", NORMALIZED, findings, JsonNodeFactory.instance.arrayNode());
    }

    public static ReportSource source() {
        return ReportSource.of("policies/示例 app.txt", ORIGINAL.substring(1), report());
    }

    /** Errors of a SARIF document against the official 2.1.0 schema in ../shared/schemas. */
    public static Set<ValidationMessage> sarifErrors(JsonNode sarif) throws Exception {
        Path schemaFile = Corpus.dir().toAbsolutePath().getParent().resolve("schemas").resolve("sarif-schema-2.1.0.json");
        try (InputStream in = Files.newInputStream(schemaFile)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            return schema.validate(sarif);
        }
    }
}
