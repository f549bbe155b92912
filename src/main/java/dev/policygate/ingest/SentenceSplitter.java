package dev.policygate.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the normalised text into sentences: at line ends (every paragraph, heading and list item is its own line)
 * and after 。！？； (and ASCII ; ! ? when followed by a space, a CJK character or the line end, so URLs survive).
 * Closing quotes and brackets after a terminator stay with the sentence. Sentences are trimmed of spaces; pieces
 * without any letter or digit (stray punctuation) are dropped. Headings are one sentence each, without their
 * Markdown prefix.
 */
final class SentenceSplitter {
    private SentenceSplitter() {
    }

    static boolean isTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == ';' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '”' || c == '’' || c == '"' || c == '\'' || c == '）' || c == ')' || c == '】' || c == '」'
                || c == '』' || c == '》' || c == '〕' || c == ']';
    }

    static List<Sentence> split(String text, SectionParser.Result parsed) {
        List<Section> sections = parsed.sections();
        List<Sentence> out = new ArrayList<>();
        for (SectionParser.Line l : parsed.lines()) {
            String path = l.section < 0 ? "" : sections.get(l.section).path();
            if (l.headingOf >= 0) {
                add(text, l.contentStart, l.end, path, out);
                continue;
            }
            int s = l.contentStart;
            int i = s;
            while (i < l.end) {
                char c = text.charAt(i);
                if (isTerminator(c) && (c >= 0x3000 || i + 1 >= l.end || boundaryAfterAscii(text.charAt(i + 1)))) {
                    int e = i + 1;
                    while (e < l.end && (isCloser(text.charAt(e)) || isTerminator(text.charAt(e)))) {
                        e++;
                    }
                    add(text, s, e, path, out);
                    s = e;
                    i = e;
                } else {
                    i++;
                }
            }
            add(text, s, l.end, path, out);
        }
        return out;
    }

    private static boolean boundaryAfterAscii(char next) {
        return next == ' ' || next >= 0x2e80 || isCloser(next);
    }

    private static void add(String text, int s, int e, String path, List<Sentence> out) {
        while (s < e && text.charAt(s) == ' ') {
            s++;
        }
        while (e > s && text.charAt(e - 1) == ' ') {
            e--;
        }
        for (int i = s; i < e; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                out.add(new Sentence(s, e, path, text.substring(s, e)));
                return;
            }
        }
    }
}
