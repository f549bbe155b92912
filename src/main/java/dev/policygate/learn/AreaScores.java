package dev.policygate.learn;

import dev.policygate.facts.Area;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Sentence-level counts per area (true positives, false positives, false negatives) and the scores from them. */
public final class AreaScores {
    private final Map<Area, int[]> counts = new EnumMap<>(Area.class);

    public AreaScores() {
        for (Area a : Area.values()) {
            counts.put(a, new int[3]);
        }
    }

    /** One sentence: the areas the annotators gave it and the areas extraction found in it. */
    public void add(Set<Area> gold, Set<Area> predicted) {
        add(gold, predicted, Set.of());
    }

    /** As above, leaving out the areas {@code leftOut} (the sentence is not counted for them). */
    public void add(Set<Area> gold, Set<Area> predicted, Set<Area> leftOut) {
        for (Area a : Area.values()) {
            if (leftOut.contains(a)) {
                continue;
            }
            boolean g = gold.contains(a);
            boolean p = predicted.contains(a);
            int[] c = counts.get(a);
            if (g && p) {
                c[0]++;
            } else if (p) {
                c[1]++;
            } else if (g) {
                c[2]++;
            }
        }
    }

    public void addAll(AreaScores other) {
        for (Area a : Area.values()) {
            int[] c = counts.get(a);
            int[] o = other.counts.get(a);
            for (int i = 0; i < 3; i++) {
                c[i] += o[i];
            }
        }
    }

    public int truePositives(Area a) {
        return counts.get(a)[0];
    }

    public int falsePositives(Area a) {
        return counts.get(a)[1];
    }

    public int falseNegatives(Area a) {
        return counts.get(a)[2];
    }

    /** Precision; 0 when nothing was predicted. */
    public double precision(Area a) {
        int[] c = counts.get(a);
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    /** Recall; 0 when the area has no labelled sentence. */
    public double recall(Area a) {
        int[] c = counts.get(a);
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    public double f1(Area a) {
        double p = precision(a);
        double r = recall(a);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the ten areas' F1. */
    public double macroF1() {
        double sum = 0;
        for (Area a : Area.values()) {
            sum += f1(a);
        }
        return sum / Area.values().length;
    }
}
