package dev.policygate.facts;

import java.util.List;

/**
 * Text that labels PI as sensitive (个人敏感信息 …): the types it labels, and whether the label sits only in a
 * definitions section/appendix rather than where the data is collected.
 */
public record SensitivePiLabel(List<String> piTypes, boolean inDefinitions, List<Citation> citations)
        implements Fact {
}
