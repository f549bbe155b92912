package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.ConsentMechanism;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConsentExtractorTest {
    private static Set<ConsentMechanism.Kind> consent(String text) {
        return new ConsentExtractor().extract(ExtractBCorpus.text(text)).stream().map(ConsentMechanism::kind)
                .collect(Collectors.toSet());
    }

    @Test
    void agreeingToThePolicyIsNotAgreeingToEverythingAndNotImpliedByUse() {
        // the wording of capp_rw_049 (认定方法: consent to the policy is not consent to optional PI)
        assertTrue(consent("您同意隐私政策仅代表您已了解应用提供的功能，以及功能运行所需的必需个人信息，并不代表您已同意我们可以收集"
                + "非必需个人信息，非必需个人信息会根据您使用过程中的授权情况单独征求您的同意。").isEmpty());
        assertTrue(consent("您使用本应用并不代表您已同意我们收集非必要个人信息。").isEmpty());
        assertTrue(consent("您注册账号仅代表您已了解本隐私政策所述的必要功能，并不代表您已同意我们收集非必要个人信息。").isEmpty());
    }

    @Test
    void aLaterNegatedClauseDoesNotHideImpliedConsent() {
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_USE),
                consent("您使用本应用即表示您同意本隐私政策，但不代表您同意我们收集非必要个人信息。"));
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_CONTINUED_USE),
                consent("本政策更新后，您继续使用本应用即视为您同意更新后的本政策，但并不代表您已同意非必要个人信息的收集。"));
    }
}
