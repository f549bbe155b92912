package dev.policygate.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an audit event's hash is computed. {@link #KEYED}: HMAC-SHA256 with the audit key over each field as a 4-byte
 * big-endian length and its UTF-8 bytes (-1 for null), so no two field lists share an input and nobody without the
 * key can recompute the chain. {@link #UNKEYED}: the SHA-256 of the fields joined with newlines that events stored
 * before V12 carry; still verified, never written.
 */
final class AuditChain {
    static final short UNKEYED = 1;
    static final short KEYED = 2;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    AuditChain(String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String keyed(List<String> fields) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String field : fields) {
                mac.update(lengthPrefixed(field));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    static String unkeyed(List<String> fields) {
        return RuleSetService.sha256(String.join("\n", fields.stream().map(String::valueOf).toList()));
    }

    String compute(short scheme, List<String> fields) {
        return scheme == KEYED ? keyed(fields) : unkeyed(fields);
    }

    private static byte[] lengthPrefixed(String field) {
        if (field == null) {
            return ByteBuffer.allocate(4).putInt(-1).array();
        }
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }
}
