package dev.policygate.extract;

import dev.policygate.facts.DocumentSection;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts every fact of a document: its outline as {@link DocumentSection} facts, then each area in a
 * fixed order, then the learned layer ({@link LearnedAreas}: it prunes the citations the classifier doubts and adds
 * the sentences it places in an area that no pattern read), so that the same document always yields the same facts in the same order.
 */
public final class FactExtractor {
    private final List<AreaExtractor> areas;
    private final SentenceClassifier classifier;

    /** The lexicons and patterns with the shipped sentence classifier. */
    public FactExtractor() {
        this(SentenceClassifier.shipped());
    }

    /** The lexicons and patterns with {@code classifier}; null for the lexicons and patterns alone. */
    public FactExtractor(SentenceClassifier classifier) {
        this(defaultAreas(), classifier);
    }

    public FactExtractor(List<AreaExtractor> areas) {
        this(areas, null);
    }

    public FactExtractor(List<AreaExtractor> areas, SentenceClassifier classifier) {
        this.areas = List.copyOf(areas);
        this.classifier = classifier;
    }

    private static List<AreaExtractor> defaultAreas() {
        return List.of(
                // A. the policy document; B. the handler
                new DatesExtractor(), new ScopeExtractor(), new ConsentExtractor(), new ChangeNoticeExtractor(),
                new HandlerExtractor(), new ContactExtractor(), new ProtectionOfficerExtractor(),
                // C. collection; D. sharing; E. retention, storage, cross-border; F. security
                new CollectionExtractor(), new PermissionExtractor(), new CollectionDenialExtractor(),
                new SensitivePiExtractor(),
                new ThirdPartyExtractor(), new SharingExtractor(), new RetentionExtractor(),
                new CrossBorderExtractor(), new SecurityExtractor(),
                // G. rights; H. personalisation; I. minors
                new RightsExtractor(), new DeadlineExtractor(), new ComplaintExtractor(), new DisputeExtractor(),
                new PersonalizationExtractor(), new MinorsExtractor());
    }

    public List<Fact> extract(Document document) {
        try (AnchorIndex.Scope scope = AnchorIndex.open()) {
            return extractIn(document);
        }
    }

    private List<Fact> extractIn(Document document) {
        List<Fact> facts = new ArrayList<>();
        for (Section s : document.sections()) {
            facts.add(new DocumentSection(s.path(), s.heading(), s.level(), s.start(), s.end(),
                    List.of(document.cite(s.headingStart(), s.headingEnd()))));
        }
        for (AreaExtractor area : areas) {
            facts.addAll(area.extract(document));
        }
        return classifier == null ? facts : LearnedAreas.apply(document, facts, classifier);
    }
}
