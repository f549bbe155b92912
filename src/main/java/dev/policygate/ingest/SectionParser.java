package dev.policygate.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the section tree of a normalised text (one paragraph per line).
 *
 * <p>A line is a <em>heading</em> when it starts with a numbering marker ({@link Numbering}) or a Markdown prefix
 * ({@code #} … {@code ######}, produced from HTML h1–h6) and is short: at most {@value #MAX_HEADING} characters
 * (80 for Markdown headings), no sentence punctuation inside, and not ending like a list item (。；，、的, or a colon
 * after a long text). Other numbered lines are list items: they stay in the body of their section.
 *
 * <p>Levels follow the nesting order of numbering styles in the document: a heading whose style is already open
 * closes that section and everything below it and becomes its sibling; a style not open yet nests under the
 * innermost open section. Appendix headings ({@code 附录}/{@code 附件}) are always top level. A list item whose style
 * is that of the innermost open heading closes that heading (it is its next sibling, just too long to be a heading).
 *
 * <p>The document title is not a section: an unnumbered first line (plain or {@code #}) is ordinary preamble, and
 * paths start at the first real heading, e.g. {@code 四、您的权利 > （九）注销您的账户}.
 *
 * <p>Table of contents: a run of consecutive heading-like lines (numbered or short plain lines, no body between
 * them) in which at least three headings — and at least half of the run — have titles that recur later as
 * headings is a TOC; its lines stay ordinary text and make no sections. A run is cut where a title repeats within
 * it (the TOC directly followed by the first body heading).
 */
final class SectionParser {
    static final int MAX_HEADING = 40;
    static final int MAX_MD_HEADING = 80;

    /** Per-line facts the sentence splitter needs. */
    static final class Line {
        final int start;
        final int end;
        /** after any Markdown prefix */
        int contentStart;
        int mdLevel;
        Numbering.Marker marker;
        boolean headingLike;
        boolean shortPlain;
        boolean toc;
        /** index of the section this line is the heading of, or -1 */
        int headingOf = -1;
        /** innermost section containing the line, or -1 */
        int section = -1;

        Line(int start, int end) {
            this.start = start;
            this.end = end;
            this.contentStart = start;
        }
    }

    record Result(List<Section> sections, List<Line> lines) {
    }

    private SectionParser() {
    }

    static Result parse(String text) {
        List<Line> lines = splitLines(text);
        Numbering numbering = new Numbering(text);
        for (Line l : lines) {
            classify(text, l, numbering);
        }
        markTitle(lines);
        markToc(text, lines);
        markPlainHeadings(text, lines);
        demoteEmpty(lines);
        return new Result(buildTree(text, lines), lines);
    }

    private static List<Line> splitLines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lines.add(new Line(start, end));
            start = end + 1;
        }
        return lines;
    }

    private static void classify(String text, Line l, Numbering numbering) {
        int p = l.start;
        int hashes = 0;
        while (p < l.end && text.charAt(p) == '#' && hashes < 7) {
            p++;
            hashes++;
        }
        if (hashes >= 1 && hashes <= 6 && p < l.end && text.charAt(p) == ' ') {
            l.mdLevel = hashes;
            l.contentStart = p + 1;
        }
        l.marker = numbering.at(text, l.contentStart, l.end);
        int len = codePoints(text, l.contentStart, l.end);
        if (l.marker != null) {
            int restLen = codePoints(text, l.marker.end(), l.end);
            if (restLen == 0) {
                // a bare "第二章" or "附录" line (its title may follow on the next line) or a bare numbered <hN>
                l.headingLike = l.mdLevel > 0 || structural(l.marker.style());
            } else {
                l.headingLike = len <= (l.mdLevel > 0 ? MAX_MD_HEADING : MAX_HEADING)
                        && "，,、.．：:；;。)）".indexOf(text.charAt(l.marker.end())) < 0
                        && titleLike(text, l.marker.end(), l.end, restLen);
            }
        } else if (l.mdLevel > 0) {
            l.headingLike = len > 0 && len <= MAX_MD_HEADING && titleLike(text, l.contentStart, l.end, len);
        } else {
            l.shortPlain = len <= MAX_HEADING && titleLike(text, l.contentStart, l.end, len);
        }
    }

    /** No sentence punctuation inside, no list-item ending; a trailing colon only after a short label. */
    private static boolean titleLike(String text, int from, int end, int len) {
        if (from >= end) {
            return false;
        }
        for (int i = from; i < end - 1; i++) {
            char c = text.charAt(i);
            if (c == '：' || (c == ':' && !(i + 1 < end && text.charAt(i + 1) == '/'))) {
                return false; // "label：value" is a list item, e.g. 客服电话：12345
            }
            if (c == '。' || c == '；' || c == '！' || c == '？' || c == ';' || c == '|'
                    || ((c == '!' || c == '?') && isSpaceOrCjk(text.charAt(i + 1)))) {
                return false;
            }
        }
        char last = text.charAt(end - 1);
        if (last == '的') {
            // "…直接相关的" is a list item; "…及相应的使用目的" (purpose) is a heading
            return end - 2 >= from && text.charAt(end - 2) == '目';
        }
        switch (last) {
            case '。', '；', ';', '，', ',', '、', '！', '!', '|', '…':
                return false;
            case '：', ':':
                return len <= 16;
            default:
                return true;
        }
    }

    private static boolean isSpaceOrCjk(char c) {
        return c == ' ' || c >= 0x2e80;
    }

    private static int codePoints(String text, int from, int to) {
        return from >= to ? 0 : Character.codePointCount(text, from, to);
    }

    /**
     * The title is not a section: an unnumbered Markdown heading on the first line, or the first heading of the
     * document when it is an unnumbered Markdown heading whose level no later heading reaches (the page's single h1
     * after, say, a date line).
     */
    private static void markTitle(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Line first = lines.get(0);
        if (first.marker == null && first.mdLevel > 0) {
            first.headingLike = false;
            first.shortPlain = true;
            return;
        }
        Line firstHeading = null;
        for (Line l : lines) {
            if (l.headingLike) {
                if (firstHeading == null) {
                    if (l.marker != null || l.mdLevel == 0) {
                        return;
                    }
                    firstHeading = l;
                } else if (l.mdLevel > 0 && l.mdLevel <= firstHeading.mdLevel) {
                    return;
                }
            }
        }
        if (firstHeading != null) {
            firstHeading.headingLike = false;
            firstHeading.shortPlain = true;
        }
    }

    /** The heading text without numbering, spaces, a trailing colon/question mark, dot leaders and page number. */
    private static String title(String text, Line l) {
        int from = l.marker != null ? l.marker.end() : l.contentStart;
        int end = l.end;
        int d = end;
        while (d > from && end - d < 4 && Character.isDigit(text.charAt(d - 1))) {
            d--;
        }
        if (d < end && d > from) {
            int leaders = 0;
            int k = d;
            while (k > from && ".…·．_-— ".indexOf(text.charAt(k - 1)) >= 0) {
                if (text.charAt(k - 1) != ' ') {
                    leaders++;
                }
                k--;
            }
            if (k < d && (leaders >= 2 || leaders == 0) && k > from) {
                end = k; // "我们如何收集信息……3" or "我们如何收集信息 3" in a TOC
            }
        }
        StringBuilder sb = new StringBuilder(end - from);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ') {
                sb.append(c);
            }
        }
        while (sb.length() > 0 && "：:？?".indexOf(sb.charAt(sb.length() - 1)) >= 0) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static void markToc(String text, List<Line> lines) {
        int n = lines.size();
        // last line index at which each heading title occurs
        Map<String, Integer> lastHeading = new HashMap<>();
        String[] titles = new String[n];
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            if (l.headingLike || l.shortPlain) {
                titles[i] = title(text, l);
                if (l.headingLike && !titles[i].isEmpty()) {
                    lastHeading.put(titles[i], i);
                }
            }
        }
        int i = 0;
        while (i < n) {
            if (titles[i] == null) {
                i++;
                continue;
            }
            int a = i;
            Set<String> seen = new HashSet<>();
            int j = i;
            while (j < n && titles[j] != null) {
                if (lines.get(j).headingLike && !seen.add(titles[j])) {
                    break; // title repeats: the TOC ends, the body begins
                }
                j++;
            }
            int b = j; // segment [a, b)
            int headings = 0;
            int recurring = 0;
            for (int k = a; k < b; k++) {
                String t = titles[k];
                if (lines.get(k).headingLike) {
                    headings++;
                }
                Integer last = lastHeading.get(t);
                if (!t.isEmpty() && last != null && last >= b) {
                    recurring++;
                }
            }
            if (recurring >= 3 && headings >= 3 && 2 * recurring >= (b - a)) {
                // the TOC may run straight into the first body heading when its wording differs from the entry
                // ("一. 我们如何收集和使用…" after "一、我们如何收集…"): a last line that does not recur and
                // restarts the numbering of the first entry is the body's first heading
                int tocEnd = b;
                Line lastLine = lines.get(b - 1);
                Integer lastAt = lastHeading.get(titles[b - 1]);
                Line firstNumbered = null;
                for (int k = a; k < b && firstNumbered == null; k++) {
                    if (lines.get(k).headingLike && lines.get(k).marker != null) {
                        firstNumbered = lines.get(k);
                    }
                }
                if ((lastAt == null || lastAt < b) && lastLine.headingLike && lastLine.marker != null
                        && firstNumbered != null && firstNumbered != lastLine
                        && Numbering.value(lastLine.marker.numbering()) == Numbering.value(firstNumbered.marker.numbering())) {
                    tocEnd = b - 1;
                }
                for (int k = a; k < tocEnd; k++) {
                    Line l = lines.get(k);
                    if (l.headingLike) {
                        l.toc = true;
                        l.headingLike = false;
                    }
                }
            }
            i = b;
        }
    }

    /**
     * A numbered heading directly followed by a line of the same numbering style has no body: it is an item of a
     * short list (e.g. {@code 1.平台设置的用户反馈通道} followed by {@code 2.客服电话：…}), not a section.
     */
    private static void demoteEmpty(List<Line> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line l = lines.get(i);
            Line next = lines.get(i + 1);
            if (l.headingLike && l.marker != null && l.mdLevel == 0 && next.marker != null
                    && next.marker.style() == l.marker.style() && next.mdLevel == 0 && !structural(l.marker.style())) {
                l.headingLike = false;
            }
        }
    }

    /** Chapter-like styles are headings even when empty (e.g. an appendix list at the end). */
    private static boolean structural(Numbering.Style style) {
        return style == Numbering.Style.APPENDIX || style == Numbering.Style.CHAPTER || style == Numbering.Style.PART
                || style == Numbering.Style.SECTION;
    }

    /** The style of unnumbered plain headings: a sibling closes the previous one, numbered headings nest inside. */
    private static final Object PLAIN = new Object();
    static final int MIN_PLAIN_HEADING = 3;
    /** Shorter plain headings (变更) count only over plain text ({@link #numberedHeadingFollows}). */
    static final int MIN_BARE_HEADING = 2;
    static final int MAX_PLAIN_HEADING = 24;
    static final int MIN_PARAGRAPH = 20;
    /** A finished sentence this long is a paragraph too ("我们可能会适时对本指引进行修订。"). */
    static final int MIN_SENTENCE = 12;

    /**
     * Headings without numbers: a short plain line ({@value #MIN_PLAIN_HEADING} to {@value #MAX_PLAIN_HEADING}
     * characters, or {@value #MIN_BARE_HEADING} over plain text); mostly CJK, no
     * punctuation, not ending like a broken clause) that is not the first line, not in a table of contents, comes after
     * a finished paragraph or a heading, and is followed by a paragraph of at least {@value #MIN_PARAGRAPH} characters
     * or a finished sentence of at least {@value #MIN_SENTENCE} ("信息安全" above "我们为您的信息提供相应的安全保障……"). Bullets (•·▪●) before it are allowed.
     */
    private static void markPlainHeadings(String text, List<Line> lines) {
        for (int i = 1; i + 1 < lines.size(); i++) {
            Line l = lines.get(i);
            Line next = lines.get(i + 1);
            if (!l.shortPlain || l.toc || l.headingLike || l.marker != null || l.mdLevel > 0
                    || next.headingLike || next.shortPlain || !paragraph(text, next)) {
                continue;
            }
            int from = l.contentStart;
            while (from < l.end && (Numbering.BULLETS + " \t　").indexOf(text.charAt(from)) >= 0) {
                from++;
            }
            int len = codePoints(text, from, l.end);
            if (len < MIN_BARE_HEADING || len > MAX_PLAIN_HEADING
                    || len < MIN_PLAIN_HEADING && (CONNECTIVES.contains(text.substring(from, l.end))
                    || numberedHeadingFollows(lines, i))) {
                continue;
            }
            int cjk = 0;
            boolean plain = true;
            for (int k = from; k < l.end && plain; k++) {
                char c = text.charAt(k);
                if (c >= 0x4e00 && c <= 0x9fff) {
                    cjk++;
                } else if ("：:，,、。=\t（）()“”\"".indexOf(c) >= 0) {
                    plain = false;
                }
            }
            if (plain && cjk >= Math.min(len, MIN_PLAIN_HEADING) && cjk * 10 >= len * 7
                    && CLAUSE_ENDINGS.indexOf(text.charAt(l.end - 1)) < 0 && afterParagraphOrHeading(text, lines.get(i - 1))) {
                l.headingLike = true;
                l.contentStart = from;
            }
        }
    }

    /** A paragraph under a plain heading: long enough, or a finished sentence. */
    private static boolean paragraph(String text, Line l) {
        int len = codePoints(text, l.contentStart, l.end);
        return len >= MIN_PARAGRAPH || len >= MIN_SENTENCE && "。！？；!?;".indexOf(text.charAt(l.end - 1)) >= 0;
    }

    /**
     * Whether the next heading after line {@code i} is numbered: a two-character plain heading (概要, 导言) before
     * numbered sections would take them in as its children, so only one that heads plain text (变更) counts.
     */
    private static boolean numberedHeadingFollows(List<Line> lines, int i) {
        for (int k = i + 1; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (l.headingLike) {
                return l.marker != null;
            }
        }
        return false;
    }

    /** A line that only joins two list items ("或者") is not a heading. */
    private static final Set<String> CONNECTIVES = Set.of("或者", "以及", "并且", "而且", "或是", "同时", "此外", "另外");

    /** A line ending in a preposition, conjunction or particle is a broken sentence, not a title ("我们可能会通过"). */
    private static final String CLAUSE_ENDINGS = "过对向在将把被和与及或了会为从按以由并且而但";

    /** A heading follows a finished paragraph or another heading, not a table cell or a broken line. */
    private static boolean afterParagraphOrHeading(String text, Line previous) {
        if (previous.headingLike || previous.end == previous.start) {
            return true;
        }
        return "。！？；.!?;".indexOf(text.charAt(previous.end - 1)) >= 0;
    }

    private record Open(Object style, int section, Set<Object> itemStyles) {
        Open(Object style, int section) {
            this(style, section, new HashSet<>());
        }
    }

    private static List<Section> buildTree(String text, List<Line> lines) {
        List<Section> sections = new ArrayList<>();
        List<int[]> ends = new ArrayList<>(); // mutable end per section
        List<Open> stack = new ArrayList<>();
        for (Line l : lines) {
            if (l.headingLike && l.marker != null && l.mdLevel == 0 && !stack.isEmpty()
                    && stack.get(stack.size() - 1).itemStyles().contains(l.marker.style())
                    && weakHeading(text, l)) {
                l.headingLike = false; // its earlier siblings were list items and it reads like one
            }
            if (l.headingLike) {
                Object style = l.marker != null ? l.marker.style() : l.mdLevel > 0 ? Integer.valueOf(l.mdLevel) : PLAIN;
                if (style == Numbering.Style.APPENDIX) {
                    closeTo(stack, 0, ends, l.start);
                } else {
                    int at = -1;
                    if (style instanceof Integer md) {
                        // <hN>: closes the outermost open <hM> with M >= N
                        for (int k = 0; k < stack.size() && at < 0; k++) {
                            if (stack.get(k).style() instanceof Integer o && o >= md) {
                                at = k;
                            }
                        }
                    } else {
                        // numbered: the innermost open heading of the same style is its previous sibling
                        for (int k = stack.size() - 1; k >= 0 && at < 0; k--) {
                            if (stack.get(k).style() == style) {
                                at = k;
                            }
                        }
                    }
                    if (at >= 0 && at < stack.size() - 1 && l.marker != null
                            && Numbering.value(l.marker.numbering()) == 1
                            && Numbering.value(sections.get(stack.get(at).section()).numbering()) > 1) {
                        at = -1; // numbering restarts at 1 below a deeper heading: a new nested list, not a sibling
                    }
                    if (at >= 0) {
                        closeTo(stack, at, ends, l.start);
                    }
                }
                int parent = stack.isEmpty() ? -1 : stack.get(stack.size() - 1).section();
                int index = sections.size();
                int headingStart = l.contentStart;
                String heading = text.substring(headingStart, l.end);
                String path = parent < 0 ? heading : sections.get(parent).path() + " > " + heading;
                String num = l.marker != null ? l.marker.numbering() : "";
                sections.add(new Section(index, parent, stack.size() + 1, num, heading, path, headingStart, l.end,
                        headingStart, -1));
                ends.add(new int[] {text.length()});
                stack.add(new Open(style, index));
                l.headingOf = index;
            } else if (l.marker != null && !stack.isEmpty()) {
                // a list item of the innermost heading's style is its next sibling; deeper in the stack only when
                // it carries the next number (（二） after an open （一）), since numbering restarts in sub-lists
                int at = -1;
                for (int k = stack.size() - 1; k >= 0; k--) {
                    Open o = stack.get(k);
                    if (o.style() == l.marker.style()) {
                        if (k == stack.size() - 1 || Numbering.isSuccessor(sections.get(o.section()).numbering(),
                                l.marker.numbering())) {
                            at = k;
                        }
                        break;
                    }
                }
                if (at >= 0) {
                    closeTo(stack, at, ends, l.start);
                }
                if (!stack.isEmpty()) {
                    stack.get(stack.size() - 1).itemStyles().add(l.marker.style());
                }
            }
            l.section = stack.isEmpty() ? -1 : stack.get(stack.size() - 1).section();
        }
        List<Section> out = new ArrayList<>(sections.size());
        for (Section s : sections) {
            int end = Math.max(ends.get(s.index())[0], s.headingEnd());
            out.add(new Section(s.index(), s.parent(), s.level(), s.numbering(), s.heading(), s.path(),
                    s.headingStart(), s.headingEnd(), s.start(), end));
        }
        return out;
    }

    /** Long or with a comma: a heading only if nothing suggests otherwise. */
    private static boolean weakHeading(String text, Line l) {
        if (codePoints(text, l.marker.end(), l.end) > 20) {
            return true;
        }
        for (int i = l.marker.end(); i < l.end; i++) {
            char c = text.charAt(i);
            if (c == '，' || c == ',') {
                return true;
            }
        }
        return false;
    }

    /** Closes stack entries from {@code from} up; they end before the line starting at {@code lineStart}. */
    private static void closeTo(List<Open> stack, int from, List<int[]> ends, int lineStart) {
        for (int k = stack.size() - 1; k >= from; k--) {
            ends.get(stack.get(k).section())[0] = Math.max(0, lineStart - 1);
            stack.remove(k);
        }
    }
}
