package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.SharingClause;
import dev.policygate.facts.SharingClause.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharingExtractorTest {
    private static List<Kind> kinds(String text) {
        return new SharingExtractor().extract(ExtractBCorpus.text(text)).stream().map(SharingClause::kind).toList();
    }

    @Test
    void sharingWordedWith分享OrAsAnExceptionAndConsentWith征求Or你() {
        List<Kind> k = kinds("除非获得您的明确同意，我们不会与其他任何公司、组织和个人分享您的个人信息。");
        assertTrue(k.contains(Kind.CONSENT_BEFORE_SHARING), k.toString());
        k = kinds("除本政策所述情形外，我们目前不会共享您的个人信息；如需共享给其他方，我们会另行征求您的同意。");
        assertTrue(k.contains(Kind.SHARING_CONDITIONS), k.toString());
        assertTrue(k.contains(Kind.CONSENT_BEFORE_SHARING), k.toString());
        k = kinds("未经你的同意，我们不会向第三方提供你的人脸信息。");
        assertTrue(k.contains(Kind.CONSENT_BEFORE_SHARING), k.toString());
        // data coming in, and what users share among themselves, are no sharing by us
        assertTrue(kinds("合作方获得你的授权后，可以提供给我们的信息包括你的昵称，经你的同意后使用。").isEmpty());
        assertTrue(kinds("您可以与其他用户分享您的动态。").isEmpty());
        // but giving it to our affiliates is sharing
        assertTrue(kinds("未经您的同意，我们不会将您的个人信息提供给我们的关联公司或合作伙伴。").contains(Kind.CONSENT_BEFORE_SHARING));
    }

    @Test
    void publicDisclosureListsAndAdverbs() {
        for (String s : List.of("我们仅会在以下情况下，且采取符合业界标准的安全防护措施的前提下，才会披露您的个人信息：在获得您的明确同意后。",
                "我们不会主动公开你未自行公开的信息，除非获得你的同意。",
                "除了取得您的明确同意而进行必要的公开披露外，我们不会对您的个人信息进行披露。")) {
            assertTrue(kinds(s).contains(Kind.PUBLIC_DISCLOSURE_CONSENT), s + " " + kinds(s));
        }
    }

    @Test
    void theCasesAnAgreementProvidesBindNoRecipient() {
        for (String s : List.of("除本指引以及《服务协议》约定的情形之外，我们不会主动共享您的个人信息。",
                "除本指引以及《服务协议》约定的情况之外，未经您同意我们不会主动共享您的个人信息。")) {
            assertFalse(kinds(s).contains(Kind.ENTRUSTED_BOUND), s);
        }
        assertTrue(kinds("我们不会主动公开您的个人信息。").contains(Kind.PUBLIC_DISCLOSURE_NEVER));
    }

    @Test
    void noSharing() {
        assertEquals(List.of(Kind.NO_SHARING), kinds("我们不会与任何第三方共享您的个人信息。"));
    }

    @Test
    void conditionsAndConsent() {
        List<Kind> k = kinds("除以下情形外，我们不会与第三方共享您的个人信息：\n获得您的明确同意后，我们会与其他方共享您的个人信息。");
        assertTrue(k.contains(Kind.SHARING_CONDITIONS), k.toString());
        assertTrue(k.contains(Kind.CONSENT_BEFORE_SHARING), k.toString());
        assertFalse(k.contains(Kind.NO_SHARING));
    }

    @Test
    void consentStatedAsItsAbsenceIsConsentBeforeSharing() {
        // "未经您的同意 … 不会 … 提供": the consent comes first, with 的, and the recipient is named
        for (String sentence : List.of("未经您的同意，我们不会向合作伙伴提供您的个人信息。",
                "未经过您的书面许可，我们不会将您的个人信息提供给其他公司。")) {
            List<Kind> k = kinds(sentence);
            assertEquals(List.of(Kind.CONSENT_BEFORE_SHARING), k, sentence);
        }
    }

    @Test
    void statutoryExceptionsAreNotConsent() {
        List<Kind> k = kinds("在以下情形中，我们共享、转让、公开披露您的个人信息无需事先征得您的同意：\n（1）与国家安全、国防安全直接相关的；");
        assertFalse(k.contains(Kind.CONSENT_BEFORE_SHARING), k.toString());
        assertFalse(k.contains(Kind.PUBLIC_DISCLOSURE_CONSENT), k.toString());
    }

    @Test
    void publicDisclosure() {
        assertEquals(List.of(Kind.PUBLIC_DISCLOSURE_NEVER), kinds("我们不会公开披露您的个人信息。"));
        assertEquals(List.of(Kind.PUBLIC_DISCLOSURE_CONSENT), kinds("只有在获得您的单独同意后，我们才会公开披露您的个人信息。"));
        assertTrue(kinds("我们采取安全措施防止您的个人信息遭到未经授权的访问、公开披露或丢失。").isEmpty());
    }

    @Test
    void mergerAndEntrustedProcessing() {
        assertEquals(List.of(Kind.MERGER_TRANSFER),
                kinds("如涉及合并、收购或破产清算，我们会要求新的持有您个人信息的公司继续受本政策的约束。"));
        List<Kind> k = kinds("我们可能委托第三方处理您的个人信息，并与其签署严格的保密协议，要求其按照我们的要求处理。");
        assertTrue(k.containsAll(List.of(Kind.ENTRUSTED_PROCESSING, Kind.ENTRUSTED_BOUND)), k.toString());
        assertEquals(List.of(Kind.ENTRUSTED_PROCESSING), kinds("我们可能会委托合作伙伴代表我们处理您的个人信息。"));
    }

    @Test
    void publicDisclosureSaidWithout披露IsTheHandlersActOnly() {
        // our wording: a modal right before 公开, the user's data after it; "如需公开，"; the only cases of 披露
        assertEquals(List.of(Kind.PUBLIC_DISCLOSURE_CONSENT), kinds("我们不会公开你的个人信息，除非获得你的同意。"));
        assertEquals(List.of(Kind.PUBLIC_DISCLOSURE_CONSENT),
                kinds("如需公开，我们会告知您公开的目的，并征得您的单独同意。"));
        assertEquals(List.of(Kind.PUBLIC_DISCLOSURE_CONSENT),
                kinds("我们仅会在以下情况下，才会公开您的个人信息：\n1、在您明确同意的情况下公开您指定的信息；"));
        assertEquals(List.of(Kind.PUBLIC_DISCLOSURE_CONSENT),
                kinds("我们仅会在以下情况披露您的个人信息：\n（1）在获得您的明确同意之后；"));
        assertEquals(List.of(Kind.PUBLIC_DISCLOSURE_NEVER), kinds("我们不会公开您的个人信息。"));
        // the user who publishes is not the handler disclosing
        assertTrue(kinds("如果您在其他用户可见的公开区域内公开您的信息，该等信息可能会被他人收集，除非您同意。").isEmpty());
        assertTrue(kinds("当您在社区发布动态时，可能会公开您的位置信息，除非您同意。").isEmpty());
        // the only cases of sharing with third parties are not the cases of public disclosure
        assertFalse(kinds("我们仅会在以下情形下共享、转让、披露您的个人信息：\n1、获得您的明确同意后；")
                .contains(Kind.PUBLIC_DISCLOSURE_CONSENT));
    }

    @Test
    void theCommitmentThatBindsTheRecipientMayFollowTheMergerSentence() {
        // the transfer in one sentence, what binds the successor in the next (our wording)
        assertEquals(List.of(Kind.MERGER_TRANSFER), kinds("我们可能进行合并或资产转让，您的个人信息可能因此被转移。\n"
                + "在发生前述变更时，我们将要求继受方继续保护您的个人信息，否则将要求其重新取得您的同意。"));
        // the successor named by its role and bound in the same sentence
        assertEquals(List.of(Kind.MERGER_TRANSFER),
                kinds("如发生收购或重组，我们将告知您相关情形，并要求新的处理者继续保护您的个人信息。"));
        // a recipient under a policy of its own is only announced, not bound
        assertTrue(kinds("如果我们涉及合并或破产，我们可能转让部分资产。\n在这种情况下，我们会在您的信息受其他隐私政策约束之前通知您。")
                .isEmpty());
        // the second sentence after still counts; an assessment of the recipient binds nothing; merged accounts are no merger
        assertEquals(List.of(Kind.MERGER_TRANSFER), kinds("我们可能进行合并或资产转让，您的个人信息可能因此被转移。\n"
                + "我们会提前通知您。\n我们将要求继受方继续保护您的个人信息。"));
        assertTrue(kinds("我们可能进行合并，您的信息可能因此被转移。\n我们会评估接收方的数据安全保护能力。").isEmpty());
        assertTrue(kinds("如您申请合并账号，我们会将订单信息转移至主账号。\n合并后的账号将继续受本政策约束。").isEmpty());
        // the commitment belongs to the merger only within its section and two sentences
        assertTrue(kinds("我们可能进行合并，您的信息可能因此被转移。\n我们会采取措施保障安全。\n我们会严格保护数据。\n"
                + "我们要求接收方继续保护您的个人信息。").isEmpty());
        assertTrue(kinds("（三）转让\n我们可能进行合并，您的信息可能因此被转移。\n（四）公开披露\n我们要求接收方继续保护您的个人信息。")
                .isEmpty());
    }

    @Test
    void onlyIfSharedCanTheServiceBeProvidedIsACondition() {
        assertEquals(List.of(Kind.SHARING_CONDITIONS), kinds("某些功能可能由合作单位提供，因此，只有共享您的信息，才能提供您需要的服务。"));
        assertEquals(List.of(Kind.SHARING_CONDITIONS), kinds("只有在必要时向合作伙伴提供您的信息，我们才可为您完成支付。"));
        // ASCII commas, as in text converted from web pages
        assertEquals(List.of(Kind.SHARING_CONDITIONS), kinds("因此,只有共享您的信息,才能提供您需要的产品或服务。"));
        // 只有 … 才 without sharing is not a sharing condition
        assertTrue(kinds("只有在您同意后，我们才会收集您的位置信息。").isEmpty());
    }
}
