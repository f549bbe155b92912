package dev.policygate.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns policy bytes or text into a {@link Document}. Minimal first version: plain text only.
 */
public final class Ingestor {
    private static final Pattern HEADING_1 = Pattern.compile("^([一二三四五六七八九十]+)[、.．]\\s*(.*)$");
    private static final Pattern HEADING_2 = Pattern.compile("^[（(]([一二三四五六七八九十]+)[）)]\\s*(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;]");

    public Document ingest(byte[] bytes, SourceFormat format) {
        if (format != null && format != SourceFormat.TEXT) {
            throw new IngestException(415, "Unsupported format", "Only plain text is supported so far.");
        }
        return ingestText(new String(bytes, StandardCharsets.UTF_8));
    }

    public Document ingestText(String raw) {
        String text = normalize(raw);
        if (text.isEmpty()) {
            throw IngestException.empty();
        }
        List<Section> sections = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        String[] path = new String[3];
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            int level = line.length() <= 40 && HEADING_1.matcher(line).matches() ? 1
                    : line.length() <= 40 && HEADING_2.matcher(line).matches() ? 2 : 0;
            if (level > 0) {
                path[level] = line;
                if (level == 1) {
                    path[2] = null;
                }
                String p = level == 1 ? line : (path[1] == null ? line : path[1] + " > " + line);
                sections.add(new Section(sections.size(), -1, level, null, line, p, lineStart, lineEnd,
                        lineStart, text.length()));
            }
            String section = sections.isEmpty() ? "" : sections.get(sections.size() - 1).path();
            int s = lineStart;
            Matcher m = SENTENCE_END.matcher(line);
            while (m.find()) {
                int e = lineStart + m.end();
                if (e > s) {
                    sentences.add(new Sentence(s, e, section));
                }
                s = e;
            }
            if (s < lineEnd) {
                sentences.add(new Sentence(s, lineEnd, section));
            }
            lineStart = lineEnd + 1;
        }
        return new Document(text, SourceFormat.TEXT, closeSections(sections, text.length()), sentences);
    }

    private static List<Section> closeSections(List<Section> open, int length) {
        List<Section> closed = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            Section s = open.get(i);
            int end = length;
            for (int j = i + 1; j < open.size(); j++) {
                if (open.get(j).level() <= s.level()) {
                    end = open.get(j).start() - 1;
                    break;
                }
            }
            closed.add(new Section(s.index(), s.parent(), s.level(), s.numbering(), s.heading(), s.path(),
                    s.headingStart(), s.headingEnd(), s.start(), Math.max(end, s.headingEnd())));
        }
        return closed;
    }

    static String normalize(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String folded = line.replace('\u3000', ' ').replace('\u00a0', ' ').replace("\ufeff", "")
                    .replaceAll("\\s+", " ").strip();
            if (!folded.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(folded);
            }
        }
        return out.toString();
    }
}
