package dev.policygate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HighlighterTest {
    @Test
    void overlappingSpansBecomeSegmentsThatEachKnowTheirSpans() {
        String text = "0123456789";
        List<Highlighter.Segment> s = Highlighter.segments(text, List.of(
                new Highlighter.Span(2, 6, "0-0"), new Highlighter.Span(4, 8, "1-0"), new Highlighter.Span(4, 6, "2-0")));
        assertEquals(text, s.stream().map(Highlighter.Segment::text).collect(Collectors.joining()));
        assertEquals(List.of("01", "23", "45", "67", "89"), s.stream().map(Highlighter.Segment::text).toList());
        assertEquals(List.of("", "0-0", "0-0 1-0 2-0", "1-0", ""), s.stream().map(Highlighter.Segment::tokens).toList());
        // every span is exactly the concatenation of the segments carrying its token
        for (String token : List.of("0-0", "1-0", "2-0")) {
            String joined = s.stream().filter(x -> List.of(x.tokens().split(" ")).contains(token))
                    .map(Highlighter.Segment::text).collect(Collectors.joining());
            String expected = switch (token) {
                case "0-0" -> "2345";
                case "1-0" -> "4567";
                default -> "45";
            };
            assertEquals(expected, joined, token);
        }
    }

    @Test
    void outOfRangeAndEmptySpansAreIgnored() {
        List<Highlighter.Segment> s = Highlighter.segments("abc", List.of(new Highlighter.Span(2, 99, "0-0"),
                new Highlighter.Span(1, 1, "1-0"), new Highlighter.Span(-5, -1, "2-0")));
        assertEquals(List.of("ab", "c"), s.stream().map(Highlighter.Segment::text).toList());
        assertEquals(List.of("", "0-0"), s.stream().map(Highlighter.Segment::tokens).toList());
        assertEquals(List.of(), Highlighter.segments("", List.of()));
    }

    @Test
    void lineDiffFindsAddedAndRemovedLines() {
        List<LineDiff.Line> d = LineDiff.diff("a\nb\nc", "a\nx\nc\nd");
        assertEquals(List.of(" a", "-b", "+x", " c", "+d"),
                d.stream().map(l -> l.op() + l.text()).toList());
    }

    @Test
    void lineDiffOfFiftyThousandLineDrlsWorksInTheTestHeap() {
        // the former n×m table would need 50k × 50k ints (10 GB) for these two sources
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            a.append("rule \"r").append(i).append("\" when Fact(id == ").append(i).append(") then end\n");
        }
        String b = a.toString().replace("Fact(id == 777)", "Fact(id == -777)")
                + "rule \"added\" when Fact() then end\n";
        List<LineDiff.Line> d = LineDiff.diff(a.toString(), b);
        List<String> changed = d.stream().filter(l -> l.op() != ' ').map(l -> l.op() + l.text()).toList();
        assertEquals(List.of("-rule \"r777\" when Fact(id == 777) then end",
                "+rule \"r777\" when Fact(id == -777) then end",
                "+rule \"added\" when Fact() then end"), changed);
        assertEquals(50_002, d.stream().filter(l -> l.op() != '-').count()); // b's lines (with the trailing empty one)
    }

    @Test
    void foldedDiffKeepsContextAroundChanges() {
        String a = String.join("\n", java.util.Collections.nCopies(20, "x")) + "\nold\n"
                + String.join("\n", java.util.Collections.nCopies(20, "y"));
        String b = a.replace("old", "new");
        List<LineDiff.Line> f = LineDiff.folded(LineDiff.diff(a, b), 2);
        assertEquals(List.of("~… 18", " x", " x", "-old", "+new", " y", " y", "~… 18"),
                f.stream().map(l -> l.op() + l.text()).toList());
    }

    @Test
    void languageFollowsQueryThenCookieThenAcceptLanguage() {
        assertEquals("zh", Messages.choose(null, null, "zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("en", Messages.choose(null, null, "fr-FR,en;q=0.5"));
        assertEquals("en", Messages.choose(null, "en", "zh-CN"));
        assertEquals("zh", Messages.choose("zh", "en", "en"));
        assertEquals("en", Messages.choose(null, null, null));
        assertEquals(Messages.of("en").keySet(), Messages.of("zh").keySet(), "both bundles have the same keys");
    }
}
