package dev.policygate.extract;

import dev.policygate.facts.Area;
import dev.policygate.facts.AreaStatement;
import dev.policygate.facts.Citation;
import dev.policygate.facts.PermissionRequest.Permission;
import dev.policygate.facts.PiType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What can still be parsed from a sentence that the classifier places in an area no pattern read it for: the
 * extractors' own readers, run on that one sentence (PI types, purpose, parties, period, permissions, contacts).
 */
final class AreaStatementReader {
    private AreaStatementReader() {
    }

    static AreaStatement read(Area area, double probability, String text, int start, int end, Citation citation) {
        String t = text.substring(start, end);
        List<PiType> pi = area == Area.COLLECTION || area == Area.SHARING
                ? PiTaxonomy.typesIn(text, start, end) : List.of();
        String purpose = area == Area.COLLECTION || area == Area.PERMISSIONS || area == Area.SHARING
                ? ClauseText.purpose(t) : null;
        List<String> parties = area == Area.SHARING ? parties(t) : List.of();
        String period = area == Area.STORAGE ? RetentionExtractor.periodIn(t) : null;
        List<Permission> permissions = area == Area.PERMISSIONS ? permissions(t) : List.of();
        List<String> contacts = area == Area.CONTACT
                ? ContactExtractor.find(t).stream().map(ContactExtractor.Found::value).toList() : List.of();
        return new AreaStatement(area, probability, pi, purpose, parties, period, permissions, contacts,
                List.of(citation));
    }

    /**
     * Companies named in the sentence, then SDKs whose provider is not among them, where the sentence speaks of SDKs:
     * a bare brand (微信, 百度) in a sharing sentence is no recipient by itself.
     */
    private static List<String> parties(String t) {
        List<String> out = new ArrayList<>(ThirdPartyExtractor.companies(t));
        for (TermMatcher.Hit<SdkProviders.Provider> h : ThirdPartyExtractor.mentionsSdk(t) ? SdkProviders.find(t)
                : List.<TermMatcher.Hit<SdkProviders.Provider>>of()) {
            String name = h.term();
            if (out.stream().noneMatch(c -> c.contains(name) || c.contains(h.value().provider()))
                    && !out.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** Permissions named as such (相机权限) or as the device resource a feature uses (调用您的摄像头). */
    private static List<Permission> permissions(String t) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        out.addAll(PermissionExtractor.permissionsIn(t));
        out.addAll(PermissionExtractor.deviceAccess(t).keySet());
        return List.copyOf(out);
    }
}
