package dev.policygate.ingest;

/**
 * Plain text wrapped at a fixed width (a policy copied out of a PDF viewer, an e-mail, a text file saved with line
 * breaks) holds its sentences cut across lines; read that way, a cut line looks like a heading and each half of a
 * sentence is read alone (the 38 corpus policies wrapped at 76 columns: 232 of 1,710 findings changed). Such text is
 * re-flowed as {@link PdfText} re-flows a PDF, by width alone: a line that reaches the right margin and does not
 * end a sentence is joined with the next one.
 *
 * <p>Text is taken to be wrapped when at least a third of its lines of 20 or more columns, and at least 8 lines,
 * end within {@link #SLACK} columns of its widest lines (columns as a terminal counts them: an ideograph is two).
 * One paragraph per line, as a web page or a word processor gives it, spreads its line widths and is left alone.
 */
final class HardWraps {
    /** How far short of the margin a wrapped line may end: a word or a full-width character that did not fit. */
    private static final int SLACK = 6;
    private static final int LONG_LINE = 20;

    private HardWraps() {
    }

    /**
     * The text with wrapped lines joined, or the text itself. It runs before {@link TextNormalizer}, on the lines as
     * they were wrapped: an indented first line of a paragraph counts its indentation.
     */
    static String unwrap(String raw) {
        int[] widths = lineWidths(raw);
        int margin = margin(widths);
        if (margin < 0) {
            return raw;
        }
        String[] lines = raw.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].stripTrailing();
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean joined = false;
        for (int i = 0; i < lines.length; i++) {
            String line = joined ? lines[i].stripLeading() : lines[i];
            out.append(line);
            if (i + 1 == lines.length) {
                break;
            }
            String next = lines[i + 1].stripLeading();
            joined = !line.isEmpty() && !next.isEmpty() && widths[i] >= margin - SLACK
                    && !PdfText.endsASentence(line.charAt(line.length() - 1)) && !PdfText.startsWithMarker(next);
            if (joined) {
                if (PdfText.isWordChar(line.charAt(line.length() - 1)) && PdfText.isWordChar(next.charAt(0))) {
                    out.append(' ');
                }
            } else {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The width the text is wrapped at, or -1 when it is not wrapped. */
    private static int margin(int[] widths) {
        int[] sorted = widths.clone();
        java.util.Arrays.sort(sorted);
        // the widest lines but a few (a URL or a table row that the wrapping did not break)
        int margin = sorted[Math.max(0, sorted.length - 1 - sorted.length / 50)];
        int longLines = 0;
        int atMargin = 0;
        for (int w : widths) {
            if (w >= LONG_LINE) {
                longLines++;
                if (w >= margin - SLACK && w <= margin) {
                    atMargin++;
                }
            }
        }
        return margin >= LONG_LINE && atMargin >= 8 && 3 * atMargin >= longLines ? margin : -1;
    }

    /**
     * The width of each line (split at LF), trailing whitespace left out, in terminal columns: two for an ideograph or
     * a full-width form (the ideographic space too), one for anything else. One pass, no line copied.
     */
    private static int[] lineWidths(String raw) {
        int[] widths = new int[16];
        int count = 0;
        int width = 0;
        int visible = 0; // the width up to the last character that is not whitespace
        for (int i = 0, n = raw.length(); i <= n; i++) {
            char c = i < n ? raw.charAt(i) : '\n';
            if (c == '\n') {
                if (count == widths.length) {
                    widths = java.util.Arrays.copyOf(widths, 2 * count);
                }
                widths[count++] = visible;
                width = 0;
                visible = 0;
                continue;
            }
            width += columns(c);
            if (LetterSpacing.visible(c)) {
                visible = width;
            }
        }
        return java.util.Arrays.copyOf(widths, count);
    }

    private static int columns(char c) {
        return c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1;
    }
}
