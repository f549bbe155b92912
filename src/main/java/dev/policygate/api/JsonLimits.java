package dev.policygate.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the number of JSON tokens in one request body. The body limit (25 MB, for uploads) alone lets a body of
 * millions of tiny items ({@code ["a","a",…]}) become millions of objects before any check of ours runs: a 24 MB
 * body took 446 MB of heap. Counting tokens stops the parser itself, in any endpoint. The facts of the largest
 * accepted policy (2 MB of text) are some 500,000 tokens, so the default leaves twice that for {@code /evaluations}.
 * Over the limit is a 413 ({@link ProblemMappers#jsonTooLarge}).
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {
    private final long maxTokens;

    JsonLimits(@ConfigProperty(name = "policygate.max-json-tokens") long maxTokens) {
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("policygate.max-json-tokens must be positive, not " + maxTokens);
        }
        this.maxTokens = maxTokens;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        StreamReadConstraints current = mapper.getFactory().streamReadConstraints();
        mapper.getFactory().setStreamReadConstraints(current.rebuild().maxTokenCount(maxTokens).build());
    }
}
