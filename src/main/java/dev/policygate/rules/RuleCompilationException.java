package dev.policygate.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile or breaks the rule-set conventions; carries every message. */
public class RuleCompilationException extends RuntimeException {
    private final List<CompileMessage> messages;

    public RuleCompilationException(List<CompileMessage> messages) {
        super("rule set does not compile (" + messages.size() + " message(s)):\n"
                + messages.stream().map(CompileMessage::toString).collect(Collectors.joining("\n")));
        this.messages = List.copyOf(messages);
    }

    public List<CompileMessage> messages() {
        return messages;
    }
}
