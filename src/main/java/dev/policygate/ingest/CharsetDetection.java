package dev.policygate.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes uploaded text bytes without ever producing mojibake silently. Order: byte-order mark; UTF-16 without BOM
 * if the bytes contain NULs; strict UTF-8; UTF-16 without BOM (pure CJK has no NULs), both byte orders decoded
 * strictly and kept only if nearly every character is plausible text; then Mozilla's universal detector
 * (juniversalchardet), whose answer counts only if it is an encoding Chinese policies come in (GB18030/GBK/GB2312,
 * Big5) and the text decodes strictly and plausibly in it.
 * Anything else is a 422.
 */
final class CharsetDetection {
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int DETECT_PREFIX = 64 * 1024;

    private CharsetDetection() {
    }

    /** The decoded text (BOM removed by normalisation later), or an IngestException 422. */
    static String decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /**
     * @param declared a charset named by the content itself (e.g. an HTML meta tag), tried after BOM, UTF-16 and
     *                 strict UTF-8 fail; may be null
     */
    static String decode(byte[] bytes, String declared) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            String s = strict(bytes, bom);
            if (s == null) {
                throw undecodable("The text starts with a " + bom.name() + " byte-order mark but is not valid "
                        + bom.name() + ".");
            }
            return s;
        }
        boolean nul = hasNul(bytes);
        if (nul) {
            // ASCII-range characters in UTF-16 carry a zero byte; no text encoding we accept has NULs otherwise
            String utf16 = utf16WithoutBom(bytes);
            if (utf16 != null) {
                return utf16;
            }
        } else {
            String s = strict(bytes, StandardCharsets.UTF_8);
            if (s != null) {
                return s;
            }
            // UTF-16 of pure CJK text has no zero bytes; strict UTF-8 has failed, so try it before the 8-bit sets
            String utf16 = utf16WithoutBom(bytes);
            if (utf16 != null) {
                return utf16;
            }
        }
        Charset declaredCharset = supported(declared);
        if (declaredCharset != null && !nul) {
            String s = strict(bytes, declaredCharset);
            if (s != null && plausible(s) >= 0.9) {
                return s;
            }
        }
        UniversalDetector detector = new UniversalDetector();
        // the statistics converge long before the end; the full text is then decoded strictly
        detector.handleData(bytes, 0, Math.min(bytes.length, DETECT_PREFIX));
        detector.dataEnd();
        Charset cs = supported(detector.getDetectedCharset());
        if (cs != null && !nul) {
            String s = strict(bytes, cs);
            if (s != null && plausible(s) >= 0.9) {
                return s;
            }
        }
        throw undecodable("The character encoding of the text could not be determined with confidence "
                + "(tried UTF-8, UTF-16, GB18030/GBK and Big5). Please upload the policy as UTF-8 text.");
    }

    private static IngestException undecodable(String detail) {
        return new IngestException(422, "Undecodable text", detail);
    }

    static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0x84 && (b[1] & 0xff) == 0x31 && (b[2] & 0xff) == 0x95
                && (b[3] & 0xff) == 0x33) {
            return GB18030;
        }
        return null;
    }

    /** Decodes with REPORT on malformed/unmappable input; null if the bytes are not valid in {@code cs}. */
    static String strict(byte[] bytes, Charset cs) {
        try {
            CharBuffer cb = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasNul(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * UTF-16 without a BOM: decode both byte orders strictly and keep the one whose characters are plausibly text
     * (CJK, ASCII, common punctuation). Random bytes and 8-bit encodings score far lower.
     */
    private static String utf16WithoutBom(byte[] b) {
        if (b.length < 4 || (b.length & 1) != 0) {
            return null;
        }
        String best = null;
        double bestScore = 0;
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            String s = strict(b, cs);
            if (s == null) {
                continue;
            }
            double score = plausible(s);
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return bestScore >= 0.97 ? best : null;
    }

    /** Share of characters that ordinary (Chinese or Western) text is made of. */
    static double plausible(String s) {
        int n = s.length();
        if (n == 0) {
            return 1;
        }
        int good = 0;
        int sample = Math.min(n, 200_000);
        for (int i = 0; i < sample; i++) {
            char c = s.charAt(i);
            if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t'
                    || (c >= 0xa0 && c <= 0x24f)              // Latin-1, Latin extended
                    || (c >= 0x2000 && c <= 0x206f)           // general punctuation
                    || (c >= 0x2100 && c <= 0x27bf)           // symbols, arrows, enclosed numbers, shapes
                    || (c >= 0x3000 && c <= 0x303f)           // CJK punctuation
                    || (c >= 0x3400 && c <= 0x4dbf)           // CJK ext A
                    || (c >= 0x4e00 && c <= 0x9fff)           // CJK unified
                    || (c >= 0xff00 && c <= 0xffef)           // full-width forms
                    || c == 0xfeff
                    || (c >= 0x3040 && c <= 0x30ff)) {        // kana (appears in some policies)
                good++;
            }
        }
        return good / (double) sample;
    }

    private static Charset supported(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "GB18030", "GBK", "GB2312", "GB_2312-80", "EUC-CN", "X-GBK", "CP936", "WINDOWS-936" -> GB18030;
            case "BIG5", "BIG-5", "BIG5-HKSCS", "CP950" -> Charset.forName("Big5");
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            default -> null;
        };
    }
}
