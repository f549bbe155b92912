package dev.policygate.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to fix an obligation that is not met: what to add or change ({@code zh}/{@code en}, a sentence or two)
 * and a model clause in Chinese with named placeholders ({@code {处理者名称}}, {@code {联系电话}} …) written to
 * satisfy the obligation's own MET rule.
 *
 * @param zh           what to add or change, in Chinese
 * @param en           the same in English
 * @param clauseZh     the model clause; {@code {名称}} marks a placeholder
 * @param section      the heading of the section that should hold the clause (used when the policy has none)
 * @param sectionMatch a regular expression for the headings of sections that may hold it (where to insert)
 * @param samples      sample values for placeholders the standard vocabulary does not know (for the rule test)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Remediation(String zh, String en, String clauseZh, String section, String sectionMatch,
                          Map<String, String> samples) {
    /** {@code {名称}}: a placeholder, 1 to 30 characters without braces or blanks. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,30})}");

    public Remediation {
        samples = samples == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    /** The placeholder names of the model clause, in order of first appearance. */
    @JsonIgnore
    public List<String> placeholders() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (clauseZh != null) {
            Matcher m = PLACEHOLDER.matcher(clauseZh);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return new ArrayList<>(names);
    }

    /** The model clause with every placeholder that {@code values} names replaced; the others stay. */
    public String fill(Map<String, String> values) {
        if (clauseZh == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(clauseZh);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** What is wrong with it as a rule author wrote it (empty when nothing). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (zh == null || zh.isBlank()) {
            out.add("remediation.zh is required");
        }
        if (en == null || en.isBlank()) {
            out.add("remediation.en is required");
        }
        if (clauseZh == null || clauseZh.isBlank()) {
            out.add("remediation.clauseZh is required");
        } else if (clauseZh.replaceAll(PLACEHOLDER.pattern(), "").matches("(?s).*[{}].*")) {
            out.add("remediation.clauseZh has a brace that is not a placeholder {名称}");
        }
        if (sectionMatch != null && !sectionMatch.isBlank()) {
            try {
                Pattern.compile(sectionMatch);
            } catch (java.util.regex.PatternSyntaxException e) {
                out.add("remediation.sectionMatch is not a regular expression: " + e.getDescription());
            }
        }
        return out;
    }
}
