package dev.policygate.ingest;

/**
 * Recognises binary formats that are not policies (so they get a clear 415 rather than a charset error).
 */
final class FormatSniffer {
    private FormatSniffer() {
    }

    /** A human name of a known non-policy binary format at the start of {@code b}, or null. */
    static String knownBinary(byte[] b) {
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "a ZIP archive (e.g. a Word .docx file)";
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an OLE document (e.g. a Word .doc file)";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (starts(b, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (starts(b, '{', '\\', 'r', 't', 'f')) {
            return "an RTF document";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xff) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    /** Control bytes that no text policy contains (NUL aside, which UTF-16 has): a sign of binary data. */
    static boolean looksBinary(String decoded) {
        int n = Math.min(decoded.length(), 65536);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = decoded.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0xfffd) {
                bad++;
            }
        }
        return n > 0 && bad * 100 > n; // more than 1 %
    }
}
