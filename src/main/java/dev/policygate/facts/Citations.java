package dev.policygate.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Helpers that rules call in their consequences to build a finding's citations and section lists. */
public final class Citations {
    private static final Comparator<Citation> TEXT_ORDER =
            Comparator.comparingInt(Citation::start).thenComparingInt(Citation::end);

    private Citations() {
    }

    /** The citations of all given facts, in text order, without duplicates. */
    public static List<Citation> of(Collection<?> facts) {
        LinkedHashSet<Citation> all = new LinkedHashSet<>();
        for (Object o : facts) {
            if (o instanceof Fact f && f.citations() != null) {
                all.addAll(f.citations());
            }
        }
        List<Citation> sorted = new ArrayList<>(all);
        sorted.sort(TEXT_ORDER);
        return sorted;
    }

    /**
     * The given facts in text order (by their first citation; facts without one last): a rule that names items of a
     * {@code collectSet} in its rationale iterates this, since a set's order can differ between runs.
     */
    public static List<Fact> inTextOrder(Collection<?> facts) {
        List<Fact> ordered = new ArrayList<>();
        for (Object o : facts) {
            if (o instanceof Fact f) {
                ordered.add(f);
            }
        }
        ordered.sort(Comparator.comparing(Citations::firstCitation, Comparator.nullsLast(TEXT_ORDER))
                .thenComparing(Object::toString));
        return ordered;
    }

    private static Citation firstCitation(Fact f) {
        return f.citations() == null || f.citations().isEmpty() ? null : f.citations().get(0);
    }

    /** The citations of one fact. */
    public static List<Citation> of(Fact fact) {
        return of(List.of(fact));
    }

    /** The heading paths of the given {@link DocumentSection} facts, in text order, for NOT_MET findings. */
    public static List<String> paths(Collection<?> sections) {
        return sections.stream()
                .filter(DocumentSection.class::isInstance)
                .map(DocumentSection.class::cast)
                .sorted(Comparator.comparingInt(DocumentSection::start))
                .map(DocumentSection::path)
                .distinct()
                .toList();
    }
}
