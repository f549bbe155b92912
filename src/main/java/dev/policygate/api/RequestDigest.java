package dev.policygate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The sha256 of a request (its endpoint, JSON body or form fields and files), to tell a retry with the same
 * Idempotency-Key from a different request reusing it. Each part is length-prefixed, so parts cannot run together.
 */
final class RequestDigest {
    private static final ObjectMapper CANONICAL = new ObjectMapper().findAndRegisterModules()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private final MessageDigest digest;

    private RequestDigest(String endpoint) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        add(endpoint);
    }

    static RequestDigest of(String endpoint) {
        return new RequestDigest(endpoint);
    }

    /** The JSON body as read, written canonically: the same request hashes alike whatever its key order. */
    RequestDigest addJson(Object body) {
        try {
            return add(CANONICAL.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request could not be written as JSON", e);
        }
    }

    RequestDigest add(String field) {
        return addBytes(field == null ? null : field.getBytes(StandardCharsets.UTF_8));
    }

    RequestDigest add(FileUpload file) {
        try {
            return addBytes(file == null || file.uploadedFile() == null ? null : Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RequestDigest addBytes(byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            digest.update(bytes);
        }
        return this;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
