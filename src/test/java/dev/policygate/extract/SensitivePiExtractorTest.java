package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Fact;
import dev.policygate.facts.NecessityStatement;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.SeparateConsent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivePiExtractorTest {
    private static List<Fact> run(String text) {
        return new SensitivePiExtractor().extract(ExtractBCorpus.text(text));
    }

    private static <T> List<T> of(List<Fact> fs, Class<T> c) {
        return fs.stream().filter(c::isInstance).map(c::cast).toList();
    }

    @Test
    void labelWhereCollectedWithSeparateConsent() {
        List<Fact> fs = run("身份证号码、人脸信息属于敏感个人信息，我们将在收集前征得您的单独同意。");
        SensitivePiLabel l = of(fs, SensitivePiLabel.class).get(0);
        assertEquals(List.of("身份证件", "面部识别特征"), l.piTypes());
        assertFalse(l.inDefinitions());
        assertEquals(SeparateConsent.Subject.SENSITIVE_PI, of(fs, SeparateConsent.class).get(0).subject());
    }

    @Test
    void labelInDefinitions() {
        SensitivePiLabel l = of(run("敏感个人信息是指一旦泄露或者非法使用，容易导致人身、财产安全受到危害的个人信息，包括身份证件号码、行踪轨迹等。"),
                SensitivePiLabel.class).get(0);
        assertTrue(l.inDefinitions());
        assertEquals(List.of("身份证件", "位置信息"), l.piTypes());
    }

    @Test
    void labelReferringBackToThePreviousSentence() {
        String text = "您需要提供姓名、身份证号码。此类信息属于个人敏感信息。";
        SensitivePiLabel l = of(run(text), SensitivePiLabel.class).get(0);
        assertEquals(List.of("姓名", "身份证件"), l.piTypes());
        assertEquals(text, l.citations().get(0).quote());
    }

    @Test
    void labelReferringBackWithThisInformation() {
        for (String ref : List.of("该信息", "前述信息", "这些数据")) {
            String text = "我们会收集您的位置信息，用于推荐附近的服务网点。" + ref + "属于敏感个人信息。";
            List<SensitivePiLabel> ls = of(run(text), SensitivePiLabel.class);
            assertEquals(1, ls.size(), ref);
            assertEquals(List.of("位置信息"), ls.get(0).piTypes(), ref);
            assertEquals(text, ls.get(0).citations().get(0).quote(), ref);
        }
    }

    @Test
    void onlyTheSubjectOfTheLabelIsLabelled() {
        SensitivePiLabel l = of(run("我们会收集您的姓名、手机号码和银行卡号，其中银行卡号属于个人敏感信息。"), SensitivePiLabel.class).get(0);
        assertEquals(List.of("银行账户"), l.piTypes());
    }

    @Test
    void separateConsentSubjects() {
        assertEquals(SeparateConsent.Subject.CROSS_BORDER,
                of(run("如需将您的个人信息传输至境外，我们将单独征得您的同意。"), SeparateConsent.class).get(0).subject());
        assertEquals(SeparateConsent.Subject.PUBLIC_DISCLOSURE,
                of(run("我们不会公开披露您的个人信息，除非获得您的单独同意。"), SeparateConsent.class).get(0).subject());
        assertEquals(SeparateConsent.Subject.SHARING,
                of(run("向第三方提供您的个人信息前，我们会征得您的单独同意。"), SeparateConsent.class).get(0).subject());
        assertTrue(of(run("在以下情形中，我们处理您的个人信息无需取得您的单独同意。"), SeparateConsent.class).isEmpty());
    }

    @Test
    void explicitOrRenewedConsentForSensitivePiIsNotCalledSeparate() {
        List<SeparateConsent> renewed = of(run("如果我们共享您的个人敏感信息，将再次征求您的授权同意。"), SeparateConsent.class);
        assertEquals(1, renewed.size());
        assertEquals(SeparateConsent.Subject.SENSITIVE_PI, renewed.get(0).subject());
        assertEquals(SeparateConsent.Wording.EXPLICIT, renewed.get(0).wording());
        assertEquals(SeparateConsent.Wording.EXPLICIT, of(run("身份证号码属于个人敏感信息，在获得您的明示同意后，我们将加密收集。"),
                SeparateConsent.class).get(0).wording());
        assertEquals(SeparateConsent.Wording.SEPARATE, of(run("收集您的人脸信息（个人敏感信息）前，我们会单独征得您的同意。"),
                SeparateConsent.class).get(0).wording());
        // a sensitive type without the word 敏感, a guardian's consent, another party's consent: none
        assertTrue(of(run("我们只会共享证件号码，如果我们共享其他信息，将再次征求您的明示同意。"), SeparateConsent.class).isEmpty());
        assertTrue(of(run("对于未成年人的敏感个人信息，我们只会在父母或监护人明确同意的情况下使用。"), SeparateConsent.class).isEmpty());
        assertTrue(of(run("我们会要求该第三方在已经取得您明示同意后收集，且涉及敏感信息的需经过您的确认。"), SeparateConsent.class).isEmpty());
        assertTrue(of(run("我们会通知第三方删除敏感信息，除非该第三方获得了您的单独授权。"), SeparateConsent.class).isEmpty());
        // consent to disclose what may hold sensitive PI, deemed consent and the law's norm are none
        assertTrue(of(run("如必须公开披露时，我们会向您告知可能涉及的敏感信息，并征得您的明示同意。"), SeparateConsent.class).stream()
                .noneMatch(c -> c.subject() == SeparateConsent.Subject.SENSITIVE_PI));
        assertTrue(of(run("您点击“同意”即表示您已明示同意本政策，包括我们对您个人敏感信息的处理。"), SeparateConsent.class).isEmpty());
        assertTrue(of(run("收集个人敏感信息前，个人信息控制者应当征得个人信息主体的明示同意。"), SeparateConsent.class).isEmpty());
        // our own promise to ask before we give it to them, and separate consent worded with 明示 or 书面
        assertEquals(SeparateConsent.Wording.SEPARATE, of(run("如需向合作方提供您的敏感个人信息，我们会在向其提供前征得您的单独同意。"),
                SeparateConsent.class).get(0).wording());
        assertEquals(SeparateConsent.Wording.SEPARATE, of(run("处理您的敏感个人信息前，我们会征得您的单独明示授权同意。"),
                SeparateConsent.class).get(0).wording());
    }

    @Test
    void separateConsentTakesItsSubjectFromTheSentenceBefore() {
        List<SeparateConsent> sc = of(run("我们会将您的收货地址提供给境外接收方，用于国际配送。我们会就此单独征得您的同意。"),
                SeparateConsent.class);
        assertEquals(List.of(SeparateConsent.Subject.CROSS_BORDER), sc.stream().map(SeparateConsent::subject).toList());
        assertEquals("我们会就此单独征得您的同意。", sc.get(0).citations().get(0).quote());
        assertEquals(List.of(SeparateConsent.Subject.OTHER), of(run("我们会单独征得您的同意。"), SeparateConsent.class)
                .stream().map(SeparateConsent::subject).toList());
        assertEquals(List.of(SeparateConsent.Subject.OTHER),
                of(run("一、定位\n我们会将您的位置用于导航。\n二、其他\n我们会单独征得您的同意。"), SeparateConsent.class)
                        .stream().map(SeparateConsent::subject).toList());
    }

    @Test
    void impactOfALeakInTheSameSentenceOrAfterASemicolon() {
        List<NecessityStatement> ns = of(run("实名认证时，我们会收集您的身份证号码（个人敏感信息），这是核验身份所必需的；"
                + "一旦泄露，可能对您的人身和财产安全造成损害。"), NecessityStatement.class);
        assertEquals(List.of(NecessityStatement.Aspect.NECESSITY, NecessityStatement.Aspect.IMPACT),
                ns.stream().map(NecessityStatement::aspect).toList());
        assertEquals("一旦泄露，可能对您的人身和财产安全造成损害。", ns.get(1).citations().get(0).quote());
        assertEquals(List.of(NecessityStatement.Aspect.IMPACT), of(run("身份证号码属于敏感个人信息，一旦泄露或被非法使用，"
                + "可能对您的财产安全造成损害。"), NecessityStatement.class).stream().map(NecessityStatement::aspect).toList());
        assertEquals(List.of(NecessityStatement.Aspect.IMPACT), of(run("我们会收集您的人脸信息，一旦泄露可能危害您的人身安全。"),
                NecessityStatement.class).stream().map(NecessityStatement::aspect).toList());
        // only right after a ；, and only after sensitive PI
        assertTrue(of(run("我们会收集您的身份证号码（个人敏感信息）。一旦泄露，可能对您的人身和财产安全造成损害。"),
                NecessityStatement.class).isEmpty());
        assertTrue(of(run("我们会收集您的手机号码；一旦泄露，可能对您的财产安全造成损害。"), NecessityStatement.class).isEmpty());
    }

    @Test
    void statutoryDefinitionsExplainNothing() {
        assertTrue(of(run("七、定义\n个人敏感信息：一旦泄露、非法提供或滥用可能危害人身和财产安全，极易导致个人名誉、身心健康受到损害"
                + "或歧视性待遇等的个人信息。"), NecessityStatement.class).isEmpty());
        assertTrue(of(run("“个人敏感信息”，指一旦泄露、非法提供或滥用可能危害人身和财产安全，极易导致个人名誉、身心健康受到损害"
                + "或歧视性待遇等的个人信息。"), NecessityStatement.class).isEmpty());
        assertTrue(of(run("敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害或者人身、财产安全受到危害的个人信息。"),
                NecessityStatement.class).isEmpty());
    }

    @Test
    void necessityAndImpact() {
        List<NecessityStatement> ns = of(run("上述敏感个人信息是实现支付功能所必需的，若泄露可能对您的个人权益造成不利影响。"),
                NecessityStatement.class);
        assertEquals(List.of(NecessityStatement.Aspect.NECESSITY, NecessityStatement.Aspect.IMPACT),
                ns.stream().map(NecessityStatement::aspect).toList());
        assertTrue(of(run("我们收集您的手机号码用于登录。"), NecessityStatement.class).isEmpty());
    }
}
