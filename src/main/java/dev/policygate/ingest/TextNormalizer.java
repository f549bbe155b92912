package dev.policygate.ingest;

/**
 * Produces the one normalised text of a document: LF line ends, no zero-width characters or BOM, every run of
 * horizontal whitespace (tabs, NBSP, ideographic space, …) folded to one ASCII space, no indentation or trailing
 * spaces, no blank lines (one line per paragraph), full-width digits and Latin letters as ASCII. Single pass,
 * linear time; every character kept stays one character.
 */
final class TextNormalizer {
    private TextNormalizer() {
    }

    static String normalize(CharSequence raw) {
        int n = raw.length();
        StringBuilder out = new StringBuilder(Math.min(n, 1 << 24));
        boolean pendingSpace = false;   // a whitespace run seen inside the current line
        boolean pendingBreak = false;   // a line break seen after some text
        boolean lineHasText = false;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            switch (kind(c)) {
                case DROP -> {
                }
                case SPACE -> pendingSpace = lineHasText;
                case BREAK -> {
                    if (lineHasText) {
                        pendingBreak = true;
                    }
                    pendingSpace = false;
                    lineHasText = false;
                }
                default -> {
                    if (pendingBreak) {
                        out.append('\n');
                        pendingBreak = false;
                    } else if (pendingSpace) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    lineHasText = true;
                    out.append(halfWidth(c));
                }
            }
        }
        return out.toString();
    }

    /**
     * Full-width digits, Latin letters and ＠ as their ASCII forms ("１５个工作日", "ｐｒｉｖａｃｙ＠ｅｘａｍｐｌｅ.ｃｏｍ"):
     * the patterns read deadlines, dates and addresses in ASCII. Chinese punctuation (，：（） …), which is full-width
     * too, stays as it is.
     */
    static char halfWidth(char c) {
        if ((c >= '\uff10' && c <= '\uff19') || (c >= '\uff20' && c <= '\uff3a') || (c >= '\uff41' && c <= '\uff5a')) {
            return (char) (c - 0xfee0);
        }
        return c;
    }

    private enum Kind { KEEP, DROP, SPACE, BREAK }

    private static Kind kind(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return c == ' ' ? Kind.SPACE : Kind.KEEP;
        }
        switch (c) {
            case '\n', '\r', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029':
                return c == '\u000b' ? Kind.SPACE : Kind.BREAK;
            case '\t', '\u00a0', '\u1680', '\u202f', '\u205f', '\u3000':
                return Kind.SPACE;
            case '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u00ad', '\u180e',
                    '\u2061', '\u2062', '\u2063', '\u2064', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
                    '\u2066', '\u2067', '\u2068', '\u2069', '\ufffe', '\uffff':
                return Kind.DROP;
            default:
                break;
        }
        if (c >= 0x2000 && c <= 0x200a) {
            return Kind.SPACE;
        }
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            return Kind.DROP; // other C0/C1 controls
        }
        return Kind.KEEP;
    }
}
