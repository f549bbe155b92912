package dev.policygate.facts;

import java.util.List;

/** A promise to give reasons when a request is refused. */
public record RefusalReasons(List<Citation> citations) implements Fact {
}
