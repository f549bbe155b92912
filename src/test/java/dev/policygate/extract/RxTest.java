package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The literal pre-check never changes what a pattern matches. */
class RxTest {
    @Test
    void anchorsAreRequiredLiterals() {
        assertEquals(Set.of("最小", "访问控制"), Rx.anchorsOf("最小(?:够用)?授权|访问控制"));
        assertEquals(Set.of("个人敏感信息", "敏感信息"), Rx.anchorsOf("(?<!非)(?:个人敏感信息|敏感信息)"));
        assertNull(Rx.anchorsOf("不少于|[0-9]+年"), "an alternative without a literal start disables the pre-check");
        assertNull(Rx.anchorsOf("(?:至少)?年"));
        assertNull(Rx.anchorsOf("如?果"));
        assertEquals(Set.of("如"), Rx.anchorsOf("如果?"));
    }

    @Test
    void sameResultsAsThePlainPattern() {
        List<String> regexes = List.of("最小(?:够用)?授权|访问控制", "(?<!非)(?:个人敏感信息|敏感信息)", "如需|如[^，。]{0,5}涉及",
                "(?:保存|存储)[^。]{0,10}境内", "SSL|TLS|HTTPS", "^(?:如果|若)(?![您你])");
        List<String> texts = List.of("我们采取最小够用授权原则", "非敏感信息", "如部分产品涉及跨境", "数据存储于中国境内",
                "使用HTTPS协议", "若您同意", "若业务变更", "无关的句子");
        for (String r : regexes) {
            Rx rx = Rx.of(r);
            Pattern p = Pattern.compile(r);
            for (String t : texts) {
                assertEquals(p.matcher(t).find(), rx.find(t), r + " on " + t);
                assertEquals(p.matcher(t).find(), rx.matcher(t).find(), r + " on " + t);
            }
        }
        assertFalse(Rx.of("访问控制").find("无关"));
        assertTrue(Rx.of("访问控制").find("部署访问控制机制"));
    }
}
