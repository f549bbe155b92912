package dev.policygate.ingest;

/**
 * Text with a space between every two characters ("我 们 会 收 集 您 的 手 机 号 码"), as some PDF tools and copies of
 * justified PDFs give it: no pattern, lexicon or n-gram matches it (the five government policies written so scored
 * 1.6 each). In such a text, a line whose words are mostly single characters has its single spaces between two
 * visible characters dropped; a wider gap (a word space between spaced letters) stays, as one space.
 *
 * <p>A text is letter-spaced when at least 3 of its lines, and at least half of its lines of four or more words,
 * are nearly all (80 %) single characters. A table row with cells one space apart ("第三方名称 使用目的 收集的信息")
 * is not, and a text that is not letter-spaced is left exactly as it is: in the corpus' 103 policies none is.
 */
final class LetterSpacing {
    private static final int MIN_LINES = 3;

    private LetterSpacing() {
    }

    /** The text with its letter-spaced lines closed up, or the text itself. */
    static String close(String raw) {
        int spacedLines = 0;
        int wordyLines = 0;
        for (int start = 0, end; start <= raw.length(); start = end + 1) {
            end = raw.indexOf('\n', start);
            end = end < 0 ? raw.length() : end;
            int[] words = words(raw, start, end);
            if (words[0] >= 4) {
                wordyLines++;
                if (words[1] >= 0.8 * words[0]) {
                    spacedLines++;
                }
            }
        }
        if (spacedLines < MIN_LINES || 2 * spacedLines < wordyLines) {
            return raw;
        }
        String[] lines = raw.split("\n", -1);
        StringBuilder out = new StringBuilder(raw.length());
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            int[] words = words(line, 0, line.length());
            boolean spaced = words[0] >= 2 && 2 * words[1] >= words[0];
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (!(spaced && c == ' ' && i > 0 && i + 1 < line.length() && visible(line.charAt(i - 1))
                        && visible(line.charAt(i + 1)))) {
                    out.append(c);
                }
            }
            if (l + 1 < lines.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The words of {@code s[start, end)} (runs of visible characters), and how many are one character long. */
    private static int[] words(String s, int start, int end) {
        int words = 0;
        int single = 0;
        int length = 0;
        for (int i = start; i <= end; i++) {
            if (i < end && visible(s.charAt(i))) {
                length++;
                continue;
            }
            if (length > 0) {
                words++;
                if (length == 1) {
                    single++;
                }
            }
            length = 0;
        }
        return new int[] {words, single};
    }

    static boolean visible(char c) {
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }
}
