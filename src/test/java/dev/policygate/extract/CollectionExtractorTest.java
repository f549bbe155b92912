package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.DataCollection;
import dev.policygate.facts.PiType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionExtractorTest {
    private static List<DataCollection> run(String text) {
        return new CollectionExtractor().extract(ExtractBCorpus.text(text));
    }

    private static List<String> names(DataCollection c) {
        return c.piTypes().stream().map(PiType::name).toList();
    }

    @Test
    void functionPurposeTypesAndMethod() {
        List<DataCollection> cs = run("当您注册账号时，您需要提供您的手机号码，用于创建账号。");
        assertEquals(1, cs.size());
        DataCollection c = cs.get(0);
        assertEquals("注册账号", c.function());
        assertEquals("创建账号", c.purpose());
        assertEquals(List.of("手机号码"), names(c));
        assertEquals(DataCollection.Method.PROVIDED_BY_USER, c.method());
        assertFalse(c.openEnded());
        assertFalse(c.genericPurpose());
        assertNull(c.optional());
    }

    @Test
    void openEndedLists() {
        DataCollection c = run("我们会收集您的设备信息，包括但不限于IMEI、MAC地址等。").get(0);
        assertTrue(c.openEnded());
        assertEquals(DataCollection.Method.COLLECTED_AUTOMATICALLY, c.method());
        assertTrue(run("我们会收集您的姓名、手机号码等信息，用于联系您。").get(0).openEnded());
        assertFalse(run("我们会收集您的姓名和手机号码，用于联系您。").get(0).openEnded());
    }

    @Test
    void anEnumerationRunsOnAfterASemicolon() {
        List<DataCollection> cs = run("我们处理的个人信息包括：基本资料（姓名、出生日期、性别）；身份信息（身份证件号码）；"
                + "联系方式（手机号码）。\n我们会对上述信息进行加密存储。");
        assertEquals(1, cs.size(), cs.toString());
        assertEquals(List.of("姓名", "出生日期", "性别", "身份证件", "手机号码"), names(cs.get(0)));
        assertEquals(3, cs.get(0).citations().size());
    }

    @Test
    void aClauseWithAVerbOfItsOwnEndsTheEnumeration() {
        List<DataCollection> cs = run("注册时，您需要提供手机号码；我们还会收集您的设备型号，用于安全风控。");
        assertEquals(2, cs.size(), cs.toString());
        assertEquals(List.of("手机号码"), names(cs.get(0)));
        assertEquals(1, cs.get(0).citations().size());
    }

    @Test
    void vetoWordsCountInTheClauseOfTheVerbOnly() {
        // the veto word stands in another clause than the collection
        assertEquals(List.of("身份证件"), names(run("注销账号时，我们需要您提供身份证号码。").get(0)));
        assertEquals(List.of("身份证件"),
                names(run("我们会收集您的身份证号码，该信息一旦泄露，可能危害您的人身安全。").get(0)));
        assertEquals(List.of("位置信息"), names(run("为防范安全事件，我们会收集您的位置信息。").get(0)));
        // ... and in the verb's own clause it still vetoes
        assertTrue(run("我们不会收集您的通讯录。").isEmpty());
        assertTrue(run("您可以查阅、更正您提供的手机号码。").isEmpty());
        assertTrue(run("我们不会收集您的位置信息，如需收集会另行征得您的同意。").isEmpty());
    }

    @Test
    void genericPurpose() {
        assertTrue(run("为了向您提供服务，我们会收集您的姓名和手机号码。").get(0).genericPurpose());
        assertFalse(run("为了完成实名认证，我们会收集您的姓名和身份证号码。").get(0).genericPurpose());
    }

    @Test
    void optionalAndThirdPartySource() {
        DataCollection opt = run("您可以选择是否提供您的生日信息，用于生日提醒。").get(0);
        assertEquals(Boolean.TRUE, opt.optional());
        assertEquals(List.of("出生日期"), names(opt));
        DataCollection tp = run("我们会从合作方处获取您的手机号码，用于核验身份。").get(0);
        assertEquals(DataCollection.Method.FROM_THIRD_PARTY, tp.method());
    }

    @Test
    void sensitiveTypesAreMappedThroughTheTaxonomy() {
        DataCollection c = run("当您使用刷脸登录功能时，我们会收集您的面部特征信息。").get(0);
        PiType face = c.piTypes().get(0);
        assertEquals("面部识别特征", face.name());
        assertEquals("个人生物识别信息", face.category());
        assertTrue(face.sensitive());
        assertEquals("刷脸登录", c.function());
    }

    @Test
    void exceptionListAndDefinitionsAreNotCollection() {
        String text = """
                在以下情形中，我们收集、使用您的个人信息无需征得您的同意：
                （1）与国家安全、国防安全直接相关的；
                （2）从合法公开披露的信息中收集您的个人信息的，如合法的新闻报道；
                个人信息是指以电子或者其他方式记录的各种信息，包括姓名、身份证件号码、通信通讯联系方式、住址等。
                我们不会收集您的通讯录信息。
                """;
        assertTrue(run(text).isEmpty(), run(text).toString());
    }

    @Test
    void collectionTableRenderedAsLines() {
        String text = """
                业务功能
                收集目的
                收集方式
                个人信息字段
                注册登录
                用于创建账号
                用户输入
                手机号码、验证码、登录密码
                """;
        List<DataCollection> cs = run(text);
        assertEquals(1, cs.size(), cs.toString());
        DataCollection c = cs.get(0);
        assertEquals("注册登录", c.function());
        assertEquals("创建账号", c.purpose());
        assertEquals(DataCollection.Method.PROVIDED_BY_USER, c.method());
        assertEquals(List.of("手机号码", "密码"), names(c));
        String quote = c.citations().get(0).quote();
        assertTrue(quote.startsWith("注册登录") && quote.endsWith("登录密码"), quote);
    }

    @Test
    void bulletLabelIsTheFunction() {
        DataCollection c = run("•婚姻服务:结婚登记预约服务需要您提供姓名、身份证号码以办理预约。").get(0);
        assertEquals("婚姻服务", c.function());
        assertEquals("办理预约", c.purpose());
        assertEquals(DataCollection.Method.PROVIDED_BY_USER, c.method());
    }

    @Test
    void warningsAndSwitchingOffAreNotCollection() {
        assertTrue(run("您不应当向任何人提供您的账号密码等个人信息。").isEmpty());
        assertTrue(run("如您不允许提供地理位置权限，也可以继续使用此类服务。").isEmpty());
        assertTrue(run("非个人身份信息不属于个人信息。").isEmpty());
    }

    @Test
    void taxonomyFileHasVersionAndSource() {
        assertTrue(PiTaxonomy.version().contains("GB/T 35273-2020"));
        assertTrue(PiTaxonomy.typesIn("银行卡号").get(0).sensitive());
        assertFalse(PiTaxonomy.typesIn("手机号码").get(0).sensitive());
    }

    @Test
    void modifiersThatShareOneHeadNounAreEachATerm() {
        // 浏览记录 and 搜索记录 are terms; the policy writes the head 记录 once
        assertEquals(List.of("上网记录"), PiTaxonomy.namesIn("您在使用服务时的浏览、搜索等记录"));
        // 地区信息 (coarse location) after 昵称、头像 in a third-party login
        assertTrue(PiTaxonomy.namesIn("我们会获取您的头像、昵称、地区和性别信息").containsAll(List.of("昵称头像", "粗略位置", "性别")));
        // a run of three modifiers: each is read, the first one too
        assertTrue(PiTaxonomy.namesIn("包括生物识别、宗教信仰、金融账户等信息").containsAll(List.of("生物识别信息", "宗教信仰")),
                PiTaxonomy.namesIn("包括生物识别、宗教信仰、金融账户等信息").toString());
        // 身份证号码 is a term of its own; 姓名号码 is none: nothing is made up
        assertEquals(List.of("姓名", "身份证件"), PiTaxonomy.namesIn("请提供姓名和身份证号码"));
        // a modifier that is not a PI word gives no type
        assertTrue(PiTaxonomy.namesIn("我们和合作伙伴的数据").isEmpty());
    }
}
