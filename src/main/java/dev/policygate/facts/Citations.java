package dev.policygate.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Helpers that rules call in their consequences to build a finding's citations and section lists. */
public final class Citations {
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
        sorted.sort(Comparator.comparingInt(Citation::start).thenComparingInt(Citation::end));
        return sorted;
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
