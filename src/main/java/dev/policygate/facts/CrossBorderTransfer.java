package dev.policygate.facts;

import java.util.List;

/**
 * A statement about PI leaving China. {@code actual} is false for conditional wording (如需跨境, 我们会另行征得同意).
 */
public record CrossBorderTransfer(boolean actual, String recipient, String purpose, List<String> piTypes,
                                  boolean rightsExercise, boolean separateConsent, boolean protectionMeasures,
                                  List<Citation> citations) implements Fact {
}
