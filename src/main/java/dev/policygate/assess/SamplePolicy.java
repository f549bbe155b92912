package dev.policygate.assess;

import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Ingestor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A short built-in policy (written for policygate, not taken from any app) that touches every area the rules look
 * at. Candidate rule sets are evaluated on it before they are accepted, so a rule that burns or allocates without
 * bound is refused when it is submitted, not when it meets the public.
 */
public final class SamplePolicy {
    private static final String RESOURCE = "/samples/sample-policy.txt";
    private static volatile List<Fact> facts;

    private SamplePolicy() {
    }

    public static String text() {
        try (InputStream in = SamplePolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its facts, extracted once. */
    public static List<Fact> facts() {
        List<Fact> f = facts;
        if (f == null) {
            f = List.copyOf(new FactExtractor().extract(new Ingestor().ingestText(text())));
            facts = f;
        }
        return f;
    }
}
