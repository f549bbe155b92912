package dev.policygate.ingest;

import dev.policygate.ingest.PdfLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text of a PDF via PDFBox 3. Lines are re-flowed: a line that runs to the right margin and does not end a
 * sentence is joined with the next one, so that a sentence wrapped by the PDF layout becomes one line again, as in
 * the HTML or plain-text version of the same policy. Lines that fall short of the margin end a paragraph. Page
 * numbers at the top or bottom of a page are dropped.
 *
 * <p>The lines come from {@link PdfLines} (the guards) run in a child JVM by {@link ChildReaders} (the time and
 * memory bound), since a hostile PDF can keep PDFBox busy for minutes where no guard of ours looks.
 */
final class PdfText {
    static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–\\s]*\\d{1,4}[-—–\\s]*|第\\s*\\d{1,4}\\s*页\\s*(?:[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?"
                    + "|\\d{1,4}\\s*/\\s*\\d{1,4}|(?i:page)\\s*\\d{1,4}(?:\\s*(?i:of)\\s*\\d{1,4})?");

    private PdfText() {
    }

    static boolean looksLikePdf(byte[] b) {
        // the header may be preceded by a little junk; PDF readers tolerate up to 1024 bytes
        int limit = Math.min(b.length - MAGIC.length, 1024);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < MAGIC.length; j++) {
                if (b[i + j] != MAGIC[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The text of a PDF, its lines read in a child process ({@link PdfTask}) and re-flowed here. */
    static String extract(byte[] bytes, IngestLimits limits) {
        List<List<Line>> pages = PdfTask.read(bytes, limits);
        String text = reflow(pages);
        if (text.isBlank()) {
            throw new IngestException(422, "No text in PDF", "The PDF has " + pages.size() + " page(s) but no "
                    + "extractable text (a scanned image?); OCR is not supported, upload the text or HTML.");
        }
        return text;
    }

    /** Joins wrapped lines; pure function of the collected lines, exposed for tests. */
    static String reflow(List<List<Line>> pages) {
        float globalRight = 0;
        for (List<Line> p : pages) {
            for (Line l : p) {
                globalRight = Math.max(globalRight, l.xEnd());
            }
        }
        List<Line> lines = new ArrayList<>();
        List<Float> rights = new ArrayList<>();
        List<Boolean> gapAfter = new ArrayList<>();
        List<Float> minStart = new ArrayList<>();
        List<Boolean> lastOnPage = new ArrayList<>();
        List<List<Line>> stripped = new ArrayList<>();
        for (List<Line> p : pages) {
            stripped.add(withoutPageNumbers(p));
        }
        java.util.Set<String> running = runningLines(stripped);
        for (List<Line> p : stripped) {
            List<Line> kept = new ArrayList<>(p);
            // running headers/footers: the first or last line, repeated on most pages
            if (!kept.isEmpty() && running.contains(digitless(kept.get(kept.size() - 1).text()))) {
                kept.remove(kept.size() - 1);
            }
            if (!kept.isEmpty() && running.contains(digitless(kept.get(0).text()))) {
                kept.remove(0);
            }
            float right = 0;
            for (Line l : kept) {
                right = Math.max(right, l.xEnd());
            }
            if (kept.size() < 4) {
                right = globalRight;
            }
            float leading = typicalLeading(kept);
            float left = Float.MAX_VALUE;
            for (Line l : kept) {
                left = Math.min(left, l.xStart());
            }
            for (int k = 0; k < kept.size(); k++) {
                lines.add(kept.get(k));
                rights.add(right);
                minStart.add(left);
                lastOnPage.add(k + 1 == kept.size());
                float delta = k + 1 < kept.size() ? kept.get(k + 1).y() - kept.get(k).y() : 0;
                // a clearly larger vertical gap than the usual line spacing separates paragraphs
                gapAfter.add(leading > 0 && delta > 1.3f * leading);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            out.append(l.text());
            if (i + 1 == lines.size()) {
                break;
            }
            float right = rights.get(i);
            float width = Math.max(1f, right - l.xStart());
            float slack = Math.max(2.5f * Math.max(l.charWidth(), 1f), 0.04f * width);
            slack = Math.min(slack, 0.15f * width);
            boolean full = l.xEnd() >= right - slack;
            String t = l.text();
            Line next = lines.get(i + 1);
            if (!full) {
                // a line also wraps early when the next line starts with a word too long for the space left
                int word = leadingWordLength(next.text());
                float nextAvg = (next.xEnd() - next.xStart()) / Math.max(1, next.text().length());
                full = word > 0 && right - l.xEnd() < word * nextAvg + slack;
            }
            char last = t.charAt(t.length() - 1);
            boolean ends = endsASentence(last);
            boolean indented = next.xStart() > minStart.get(i) + 1.5f * Math.max(next.charWidth(), 1f);
            // a short numbered line after a full one is a heading or list item, not a continuation
            boolean nextIsNumbered = startsWithMarker(next.text());
            boolean nextShort = next.xEnd() < rights.get(i + 1) - 0.4f * width;
            boolean numberedStart = nextIsNumbered && (ends || nextShort);
            // across a page break there is no spacing to go by: only an unfinished sentence continues
            boolean join = lastOnPage.get(i) ? full && !ends && !numberedStart
                    : full && !gapAfter.get(i) && !indented && !numberedStart;
            if (join) {
                if (isWordChar(last) && isWordChar(next.text().charAt(0))) {
                    out.append(' ');
                }
            } else {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The page without a page number in its first or last line. */
    private static List<Line> withoutPageNumbers(List<Line> page) {
        List<Line> kept = new ArrayList<>(page);
        if (!kept.isEmpty() && PAGE_NUMBER.matcher(kept.get(kept.size() - 1).text()).matches()) {
            kept.remove(kept.size() - 1);
        }
        if (!kept.isEmpty() && PAGE_NUMBER.matcher(kept.get(0).text()).matches()) {
            kept.remove(0);
        }
        return kept;
    }

    /** First or last lines (digits ignored) repeated on at least half of the pages, and on three or more. */
    private static java.util.Set<String> runningLines(List<List<Line>> pages) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (List<Line> p : pages) {
            if (p.size() < 2) {
                continue;
            }
            String first = digitless(p.get(0).text());
            String last = digitless(p.get(p.size() - 1).text());
            counts.merge(first, 1, Integer::sum);
            if (!last.equals(first)) {
                counts.merge(last, 1, Integer::sum);
            }
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        int need = Math.max(3, (pages.size() + 1) / 2);
        counts.forEach((k, v) -> {
            if (v >= need && !k.isBlank()) {
                out.add(k);
            }
        });
        return out;
    }

    private static String digitless(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= '0' && c <= '9' ? '#' : c);
        }
        return sb.toString();
    }

    /** A line ending so does not run on into the next: a sentence's end, or a colon before a list. */
    static boolean endsASentence(char last) {
        return SentenceSplitter.isTerminator(last) || last == '：' || last == ':';
    }

    static boolean startsWithMarker(String s) {
        return new Numbering(s).at(s, 0, s.length()) != null;
    }

    /**
     * The in-paragraph line spacing of a page: the smallest distance between consecutive baselines that is at least
     * 0.8 of the usual glyph size (closer lines are sub/superscripts or overlaps), or 0 if unknown.
     */
    private static float typicalLeading(List<Line> lines) {
        List<Float> sizes = new ArrayList<>();
        for (Line l : lines) {
            if (l.charWidth() > 0) {
                sizes.add(l.charWidth());
            }
        }
        if (sizes.isEmpty()) {
            return 0;
        }
        sizes.sort(null);
        float floor = 0.8f * sizes.get(sizes.size() / 2);
        float best = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            float d = lines.get(i + 1).y() - lines.get(i).y();
            if (d >= floor && (best == 0 || d < best)) {
                best = d;
            }
        }
        return best;
    }

    /** Length of the run of Latin letters, digits and URL/e-mail punctuation that starts {@code s}. */
    private static int leadingWordLength(String s) {
        int n = 0;
        while (n < s.length() && (isWordChar(s.charAt(n)) || "@._-:/%&=?#+~".indexOf(s.charAt(n)) >= 0)) {
            n++;
        }
        return n;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
