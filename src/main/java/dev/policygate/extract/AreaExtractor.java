package dev.policygate.extract;

import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import java.util.List;

/** Reads one area of a policy (dates, contacts, collection, sharing …) into facts with citations. */
public interface AreaExtractor {
    List<? extends Fact> extract(Document document);
}
