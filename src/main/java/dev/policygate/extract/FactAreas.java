package dev.policygate.extract;

import dev.policygate.facts.Area;
import dev.policygate.facts.AreaStatement;
import dev.policygate.facts.CessationClause;
import dev.policygate.facts.ChangeNotice;
import dev.policygate.facts.ChildrenRules;
import dev.policygate.facts.Citation;
import dev.policygate.facts.ComplaintChannel;
import dev.policygate.facts.CollectionDenial;
import dev.policygate.facts.ConsentMechanism;
import dev.policygate.facts.Contact;
import dev.policygate.facts.CrossBorderTransfer;
import dev.policygate.facts.DataCollection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.IncidentNotification;
import dev.policygate.facts.MinorsClause;
import dev.policygate.facts.NecessityStatement;
import dev.policygate.facts.PermissionRequest;
import dev.policygate.facts.Personalization;
import dev.policygate.facts.ProtectionOfficer;
import dev.policygate.facts.RefusalReasons;
import dev.policygate.facts.ResponseDeadline;
import dev.policygate.facts.Retention;
import dev.policygate.facts.RetentionExpiry;
import dev.policygate.facts.RightStatement;
import dev.policygate.facts.SecurityMeasure;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.SeparateConsent;
import dev.policygate.facts.SharingClause;
import dev.policygate.facts.StorageLocation;
import dev.policygate.facts.ThirdParty;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which area a fact speaks of, for measuring extraction against the labelled yardstick (README "Accuracy"), and
 * for the learned layer, which adds a statement only where no fact of the area cites the sentence.
 * {@code DocumentSection}, {@code PolicyScope}, {@code PolicyDate}, {@code Handler} and {@code ExternalDispute}
 * belong to no area: the outline, the scope, the dates, who the handler is and which court or body settles disputes
 * are none of the ten areas (the annotators labelled such sentences with none of them); a {@code SeparateConsent} belongs to the
 * area of what it is asked for, unless it is only worded as explicit or renewed consent (it then stands in the
 * sharing or disclosure clause it conditions, and counting it as collection cost COLLECTION 0.006 of precision).
 */
public final class FactAreas {
    private static final Map<Class<? extends Fact>, Area> BY_TYPE = Map.ofEntries(
            Map.entry(DataCollection.class, Area.COLLECTION),
            Map.entry(SensitivePiLabel.class, Area.COLLECTION),
            Map.entry(NecessityStatement.class, Area.COLLECTION),
            Map.entry(CollectionDenial.class, Area.COLLECTION),
            Map.entry(PermissionRequest.class, Area.PERMISSIONS),
            Map.entry(ThirdParty.class, Area.SHARING),
            Map.entry(SharingClause.class, Area.SHARING),
            Map.entry(Retention.class, Area.STORAGE),
            Map.entry(RetentionExpiry.class, Area.STORAGE),
            Map.entry(StorageLocation.class, Area.STORAGE),
            Map.entry(CrossBorderTransfer.class, Area.STORAGE),
            Map.entry(SecurityMeasure.class, Area.SECURITY),
            Map.entry(IncidentNotification.class, Area.SECURITY),
            Map.entry(MinorsClause.class, Area.SPECIAL_GROUPS),
            Map.entry(ChildrenRules.class, Area.SPECIAL_GROUPS),
            Map.entry(RightStatement.class, Area.RIGHTS),
            Map.entry(ResponseDeadline.class, Area.RIGHTS),
            Map.entry(RefusalReasons.class, Area.RIGHTS),
            Map.entry(Personalization.class, Area.RIGHTS),
            Map.entry(Contact.class, Area.CONTACT),
            Map.entry(ProtectionOfficer.class, Area.CONTACT),
            Map.entry(ComplaintChannel.class, Area.CONTACT),
            Map.entry(ChangeNotice.class, Area.POLICY_CHANGES),
            Map.entry(ConsentMechanism.class, Area.POLICY_CHANGES),
            Map.entry(CessationClause.class, Area.CESSATION));

    private FactAreas() {
    }

    /** The area {@code fact} speaks of, or null. */
    public static Area of(Fact fact) {
        if (fact instanceof AreaStatement s) {
            return s.area();
        }
        if (fact instanceof ComplaintChannel c && ComplaintExtractor.isChannelWord(c.channel())) {
            return null; // "请通过第八条的联系方式与我们联系" points to contact details, it gives none
        }
        if (fact instanceof ProtectionOfficer o && !o.hasOwnContact()) {
            return null; // that a protection officer exists is no way to reach it
        }
        if (fact instanceof Personalization p && p.kind() == Personalization.Kind.DECLARED) {
            return null; // that the policy personalises is a use of PI; the ways to refuse it are rights
        }
        if (fact instanceof SeparateConsent c) {
            if (c.wording() == SeparateConsent.Wording.EXPLICIT) {
                return null; // 明示同意 / 再次征求 stand mostly in sharing and disclosure clauses: a wording, not collection
            }
            return switch (c.subject()) {
                case SENSITIVE_PI -> Area.COLLECTION;
                case SHARING, PUBLIC_DISCLOSURE -> Area.SHARING;
                case CROSS_BORDER -> Area.STORAGE;
                case OTHER -> null;
            };
        }
        return BY_TYPE.get(fact.getClass());
    }

    /** For each sentence, the areas of the facts whose citations overlap it. */
    static List<Set<Area>> citedBySentence(List<Sentence> sentences, List<Fact> facts) {
        List<Set<Area>> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            out.add(EnumSet.noneOf(Area.class));
        }
        for (Fact f : facts) {
            Area area = FactAreas.of(f);
            if (area == null) {
                continue;
            }
            for (Citation c : f.citations()) {
                for (int i = firstEndingAfter(sentences, c.start()); i < sentences.size()
                        && sentences.get(i).start() < c.end(); i++) {
                    out.get(i).add(area);
                }
            }
        }
        return out;
    }

    static int firstEndingAfter(List<Sentence> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
