package dev.policygate.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The portal's texts in English and Chinese (UTF-8 properties under {@code web/}). */
public final class Messages {
    public static final String EN = "en";
    public static final String ZH = "zh";
    private static final Map<String, Map<String, String>> BUNDLES = Map.of(EN, load(EN), ZH, load(ZH));

    private Messages() {
    }

    public static Map<String, String> of(String lang) {
        return BUNDLES.getOrDefault(lang, BUNDLES.get(EN));
    }

    /** {@code lang} query parameter, else the {@code lang} cookie, else the first supported Accept-Language. */
    public static String choose(String query, String cookie, String acceptLanguage) {
        String q = normalise(query);
        if (q != null) {
            return q;
        }
        String c = normalise(cookie);
        if (c != null) {
            return c;
        }
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].strip();
                String n = normalise(tag);
                if (n != null) {
                    return n;
                }
            }
        }
        return EN;
    }

    static String normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("zh")) {
            return ZH;
        }
        if (t.startsWith("en")) {
            return EN;
        }
        return null;
    }

    private static Map<String, String> load(String lang) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/web/messages_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("Missing portal messages for " + lang);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return Map.copyOf(m);
    }
}
