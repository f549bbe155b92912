package dev.policygate.learn;

import dev.policygate.facts.Area;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How far the annotators agree with themselves: every sentence that occurs word for word ({@link #sameSentence}) in
 * several labelled policies gives, for each pair of those policies, the areas one annotation gave it against the
 * areas the other gave it. The F1 of those pairs is the score an extractor that agrees with one annotation could expect against the other,
 * so it bounds what {@code policygate eval} can meaningfully ask of extraction. Where the copies of a sentence
 * disagree about an area, that area is {@link #disputed} for the sentence: no reading of its words can be right
 * against every copy.
 */
public final class LabelAgreement {
    /** Shorter sentences (headings) are left out: their labels follow their section, not their words. */
    public static final int MIN_CHARS = 10;
    /** A list item's number or bullet, which says where a sentence stands and not what it says. */
    private static final Pattern LIST_MARK = Pattern.compile(
            "^(?:[（(]?[0-9０-９一二三四五六七八九十]+[）)、.．]|[•●·■◆▪*-]|第[0-9一二三四五六七八九十]+[条章节])+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");

    private final AreaScores scores;
    private final int pairs;
    private final Map<String, Set<Area>> disputed;

    private LabelAgreement(AreaScores scores, int pairs, Map<String, Set<Area>> disputed) {
        this.scores = scores;
        this.pairs = pairs;
        this.disputed = disputed;
    }

    public static LabelAgreement of(List<LabelledPolicy> policies) {
        // text -> its areas in each policy that holds it (the first occurrence in a policy)
        Map<String, Map<String, Set<Area>>> byText = new LinkedHashMap<>();
        for (LabelledPolicy p : policies) {
            for (int i = 0; i < p.size(); i++) {
                String text = sameSentence(p.texts().get(i));
                if (text.length() >= MIN_CHARS) {
                    byText.computeIfAbsent(text, k -> new LinkedHashMap<>()).putIfAbsent(p.name(), p.areas().get(i));
                }
            }
        }
        AreaScores scores = new AreaScores();
        int pairs = 0;
        Map<String, Set<Area>> disputed = new HashMap<>();
        for (var e : byText.entrySet()) {
            List<Set<Area>> labels = new ArrayList<>(e.getValue().values());
            Set<Area> some = EnumSet.noneOf(Area.class);
            labels.forEach(some::addAll);
            Set<Area> every = EnumSet.copyOf(some);
            labels.forEach(every::retainAll);
            some.removeAll(every);
            if (!some.isEmpty()) {
                disputed.put(e.getKey(), some);
            }
            for (int a = 0; a < labels.size(); a++) {
                for (int b = a + 1; b < labels.size(); b++) {
                    scores.add(labels.get(a), labels.get(b));
                    pairs++;
                }
            }
        }
        return new LabelAgreement(scores, pairs, disputed);
    }

    /**
     * The areas that some labelled copies of this sentence ({@link #sameSentence}, of {@link #MIN_CHARS} characters
     * or more) carry and others do not; empty for a sentence whose copies agree or that occurs once.
     */
    public Set<Area> disputed(String sentence) {
        return disputed.getOrDefault(sameSentence(sentence), Set.of());
    }

    /**
     * What makes two labelled sentences the same: their words, without white space, a leading list number or
     * bullet, and with every digit alike ("1、我们的服务模式发生重大变化。" and "(1) 我们的服务模式发生重大变化。";
     * "更新日期：2022年6月17日" and "更新日期：2021年1月13日").
     */
    static String sameSentence(String text) {
        String words = SPACE.matcher(text).replaceAll("");
        return DIGIT.matcher(LIST_MARK.matcher(words).replaceFirst("")).replaceAll("0");
    }

    /** Per area: one annotation scored against the other (symmetric in F1). */
    public AreaScores scores() {
        return scores;
    }

    /** How many pairs of annotations of the same sentence were compared. */
    public int pairs() {
        return pairs;
    }
}
