package dev.policygate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The citation invariant: every citation's quote is exactly the normalised text between its offsets. */
final class CitationAssert {
    private CitationAssert() {
    }

    /** Checks every citation in findings and facts of an assessment response; returns how many it checked. */
    static int assertInvariant(JsonPath body) {
        String text = body.getString("normalizedText");
        assertNotNull(text);
        int checked = 0;
        for (Map<String, Object> f : body.<Map<String, Object>>getList("findings")) {
            checked += check(text, f, "finding " + f.get("obligationId"));
        }
        for (Map<String, Object> f : body.<Map<String, Object>>getList("facts")) {
            checked += check(text, f, "fact " + f.get("type"));
        }
        return checked;
    }

    @SuppressWarnings("unchecked")
    private static int check(String text, Map<String, Object> owner, String what) {
        List<Map<String, Object>> citations = (List<Map<String, Object>>) owner.get("citations");
        for (Map<String, Object> c : citations) {
            int start = (Integer) c.get("start");
            int end = (Integer) c.get("end");
            assertEquals(text.substring(start, end), c.get("quote"), what + " citation at " + start + ".." + end);
            assertNotNull(c.get("section"), what + " citation has no section");
        }
        return citations.size();
    }
}
