package dev.policygate.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text of an HTML page via jsoup. Drops non-content elements (script, style, nav, header, footer, …, and hidden
 * ones), keeps block structure as line breaks, writes h1–h6 as Markdown headings ({@code ## …}) and each table row
 * as one line with cells joined by {@code " | "}. Traversal is iterative ({@link NodeTraversor}), so deeply
 * nested markup cannot overflow the stack. Whitespace follows CSS: runs fold to one space, and a source line break
 * between two CJK characters disappears.
 */
final class HtmlText {
    private static final Set<String> DROP = Set.of("script", "style", "noscript", "nav", "header", "footer",
            "template", "iframe", "svg", "head", "title", "object", "embed", "canvas", "button", "select", "option",
            "input", "textarea", "audio", "video", "map", "dialog", "math", "frame", "frameset");
    private static final Set<String> BLOCK = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section",
            "article", "main", "aside", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre",
            "address", "figure", "figcaption", "form", "fieldset", "legend", "hr", "center", "details", "summary",
            "body", "html", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-]{2,30})", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRONG_HTML = Pattern.compile("<!doctype\\s+html|<html[\\s>]|<body[\\s>]|<head[\\s>]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile(
            "<(?:p|div|br|span|table|tr|td|li|ul|ol|h[1-6]|section|article|meta|a|strong|b|font)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BOLD = Set.of("strong", "b");
    // not Word's mso-bidi-font-weight, which makes only right-to-left text bold
    private static final Pattern BOLD_STYLE = Pattern.compile(
            "(?<![\\w-])font-weight\\s*:\\s*(?:bold(?:er)?|[6-9]00|1000)(?!\\w)", Pattern.CASE_INSENSITIVE);
    /** What may indent a paragraph's first words. */
    private static final String INDENT = " \t\u00a0\u3000\u200b";
    /** Characters that go on from the words before them: after a bold run, its sentence or item goes on. */
    private static final String GOES_ON = "，、。；：,;:）)？！?!.”’」』》】…—（(";
    /** The longest bold run read as a heading that runs into its paragraph. */
    private static final int MAX_RUN_IN_HEADING = 40;
    private static final Pattern ANY_TAG = Pattern.compile("<[a-zA-Z!/][^<>]{0,500}>");

    private HtmlText() {
    }

    /** Charset named by a meta tag in the first bytes, or null. */
    static String declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Unmistakably HTML: a doctype, html, head or body tag near the start. */
    static boolean strongSniff(String text) {
        return STRONG_HTML.matcher(prefix(text, 2048)).find();
    }

    /** HTML by content: strong markers, or at least two common block/inline tags near the start. */
    static boolean sniff(String text) {
        String head = prefix(text, 2048);
        if (STRONG_HTML.matcher(head).find()) {
            return true;
        }
        String trimmed = head.stripLeading();
        Matcher m = TAG.matcher(head);
        int count = 0;
        while (m.find()) {
            if (++count >= 2 || trimmed.startsWith("<")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text contains any markup at all. */
    static boolean hasTags(String text) {
        return ANY_TAG.matcher(prefix(text, 65536)).find();
    }

    private static String prefix(String text, int n) {
        return text.length() <= n ? text : text.substring(0, n);
    }

    static String extract(String html) {
        Parser parser = Parser.htmlParser();
        Document doc = Jsoup.parse(html, "", parser);
        Builder b = new Builder();
        NodeTraversor.filter(b, doc);
        return b.out.toString();
    }

    private static final class Builder implements NodeFilter {
        final StringBuilder out = new StringBuilder();
        int cellDepth;   // inside td/th: block breaks become spaces
        int preDepth;
        boolean rowHasCell;
        Element runIn;      // the bold element of a run that opened its line, while inside it
        int runInStart;     // where the run's text starts
        boolean runInEnded; // a run has ended and nothing but white space has come after it

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY; // comments, doctype, data
            }
            String tag = e.normalName();
            if (DROP.contains(tag) || hidden(e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (bold(e) && runIn == null && cellDepth == 0 && preDepth == 0) {
                if (runInEnded) { // bold right after bold: one run (<b>（一）</b><b>委托处理</b>, Word's <b><span>…)
                    runIn = e;
                    runInEnded = false;
                } else if (atLineStart()) {
                    runIn = e;
                    runInStart = out.length();
                }
            }
            switch (tag) {
                case "br" -> lineBreak();
                case "tr" -> {
                    lineBreak();
                    rowHasCell = false;
                }
                case "td", "th" -> {
                    if (rowHasCell) {
                        out.append(" | ");
                    }
                    rowHasCell = true;
                    cellDepth++;
                }
                case "pre" -> {
                    lineBreak();
                    preDepth++;
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    lineBreak();
                    if (cellDepth == 0) {
                        out.append("#".repeat(tag.charAt(1) - '0')).append(' ');
                    }
                }
                default -> {
                    if (BLOCK.contains(tag)) {
                        lineBreak();
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (e == runIn) {
                    runIn = null;
                    runInEnded = true;
                }
                switch (tag) {
                    case "td", "th" -> cellDepth = Math.max(0, cellDepth - 1);
                    case "pre" -> {
                        preDepth = Math.max(0, preDepth - 1);
                        lineBreak();
                    }
                    case "tr" -> {
                        rowHasCell = false;
                        lineBreak();
                    }
                    default -> {
                        if (BLOCK.contains(tag)) {
                            lineBreak();
                        }
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        /** strong, b, or a span styled bold ({@link #BOLD_STYLE}), as editors write emphasis. */
        private static boolean bold(Element e) {
            String tag = e.normalName();
            return BOLD.contains(tag) || tag.equals("span") && BOLD_STYLE.matcher(e.attr("style")).find();
        }

        /** Nothing but indentation (spaces, no-break and ideographic spaces) since the last line break. */
        private boolean atLineStart() {
            int i = out.length();
            while (i > 0 && INDENT.indexOf(out.charAt(i - 1)) >= 0) {
                i--;
            }
            return i == 0 || out.charAt(i - 1) == '\n';
        }

        /**
         * A bold run that opens a paragraph and is a numbered heading ({@code <p><strong>一、我们如何收集</strong>我们会…}):
         * the paragraph's text after it goes on a line of its own, so that the section parser sees the heading. Only
         * numbered runs: a bold run without a number is as often the emphasis a policy gives a clause
         * ({@code <strong>敏感个人信息</strong>是指…}).
         */
        private static boolean runInHeading(String run) {
            int from = 0;
            int to = run.length();
            while (from < to && INDENT.indexOf(run.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && INDENT.indexOf(run.charAt(to - 1)) >= 0) {
                to--;
            }
            String heading = run.substring(from, to);
            int marker = Numbering.markerEnd(heading);
            return heading.length() >= 3 && heading.length() <= MAX_RUN_IN_HEADING
                    && heading.chars().noneMatch(c -> c == '\n' || "。！？；".indexOf(c) >= 0)
                    && "，、：:,;（(".indexOf(heading.charAt(heading.length() - 1)) < 0 // a clause or an item's name
                    && marker > 0 && marker < heading.length(); // words after the number: "（1）" alone opens an item
        }

        /**
         * Before the first text after a bold run: ends the line when the run is a heading, unless that text goes on
         * from the bold words ("，…") or names what they are ("：…", an item such as {@code 1. 位置信息：用于…}).
         */
        private void afterRunIn(String s) {
            int i = 0;
            while (i < s.length() && isWs(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) {
                return; // white space: the paragraph's text, or more of the bold run, is still to come
            }
            runInEnded = false;
            if (GOES_ON.indexOf(s.charAt(i)) < 0 && runInHeading(out.substring(runInStart))) {
                lineBreak();
            }
        }

        private void lineBreak() {
            runInEnded = false;
            if (cellDepth > 0) {
                space();
                return;
            }
            int n = out.length();
            if (n > 0 && out.charAt(n - 1) != '\n') {
                out.append('\n');
            }
        }

        private void space() {
            int n = out.length();
            if (n > 0 && out.charAt(n - 1) != ' ' && out.charAt(n - 1) != '\n') {
                out.append(' ');
            }
        }

        /** Appends text with CSS white-space folding (pre keeps its line breaks). */
        private void text(String s) {
            if (runInEnded) {
                afterRunIn(s);
            }
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (isWs(c)) {
                    int j = i;
                    boolean newline = false;
                    while (j < n && isWs(s.charAt(j))) {
                        if (s.charAt(j) == '\n' || s.charAt(j) == '\r') {
                            newline = true;
                        }
                        j++;
                    }
                    if (preDepth > 0 && newline) {
                        lineBreak();
                    } else {
                        char before = out.length() > 0 ? out.charAt(out.length() - 1) : ' ';
                        char after = j < n ? s.charAt(j) : ' ';
                        boolean cjkJoin = newline && isWide(before) && (j >= n || isWide(after));
                        if (!cjkJoin) {
                            space();
                        }
                    }
                    i = j;
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        private static boolean isWs(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        }

        private static boolean isWide(char c) {
            return c >= 0x2e80 && c < 0xfff0;
        }

        private static boolean hidden(Element e) {
            if (e.hasAttr("hidden")) {
                return true;
            }
            String style = e.attr("style");
            if (style.isEmpty()) {
                return false;
            }
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            return s.contains("display:none") || s.contains("visibility:hidden");
        }
    }
}
