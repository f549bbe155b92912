package dev.policygate.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.facts.Area;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One policy of the labelled yardstick: its sentences in order, each with the areas the annotators gave it
 * (JSON lines {@code {"text": …, "labels": [...]}}). {@link #document()} is the policy as the product sees it:
 * the sentences, each normalised, joined by newlines and ingested ({@link #inParagraphs()}: joined into paragraphs);
 * {@link #starts()}/{@link #ends()} locate every sentence in that document's normalised text.
 */
public record LabelledPolicy(String name, List<String> texts, List<Set<Area>> areas, Document document,
                             int[] starts, int[] ends) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public int size() {
        return texts.size();
    }

    /** Every {@code *.jsonl} file of {@code dir}, sorted by name (so folds and training are reproducible). */
    public static List<LabelledPolicy> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no labelled policies (*.jsonl)");
        }
        Ingestor ingestor = new Ingestor();
        List<LabelledPolicy> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f, ingestor));
        }
        return out;
    }

    static LabelledPolicy read(Path file, Ingestor ingestor) {
        String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        List<String> texts = new ArrayList<>();
        List<Set<Area>> areas = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not JSON ("
                        + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
            String text = Ingestor.normalize(node.path("text").asText(""));
            if (text.isEmpty()) {
                continue;
            }
            Set<Area> a = EnumSet.noneOf(Area.class);
            for (JsonNode l : node.path("labels")) {
                Area area = Area.ofLabel(l.asText());
                if (area != null) {
                    a.add(area);
                }
            }
            texts.add(text);
            areas.add(a);
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + ": no sentences");
        }
        return of(name, texts, areas, ingestor, Join.LINES);
    }

    /**
     * The same sentences as a web page or a PDF gives them: a sentence that ends with 。！？； (or . ! ? ;) runs on
     * into the next on one line, unless the next is a heading or an item ({@link #runsOn}); a heading or an item
     * without a full stop ends its line. A model trained only on one sentence per line misreads such paragraphs
     * (README "Accuracy").
     */
    public LabelledPolicy inParagraphs() {
        return of(name, texts, areas, new Ingestor(), Join.PARAGRAPHS);
    }

    /**
     * The sentences run together with their structure lost: every sentence that ends with 。！？； runs on into the
     * next, a heading or an item too, as a page whose headings are bold words inside its paragraphs, or a badly
     * re-flowed PDF, gives them. Training reads this form beside the lines ({@code ClassifierTrainer}): it teaches
     * the model sentences whose headings the section parser could not see.
     */
    public LabelledPolicy runTogether() {
        return of(name, texts, areas, new Ingestor(), Join.RUN_TOGETHER);
    }

    /** How the sentences are joined: a line each, in paragraphs, or run together. */
    private enum Join {
        LINES, PARAGRAPHS, RUN_TOGETHER;

        boolean runsOn(String before, String sentence) {
            return switch (this) {
                case LINES -> false;
                case PARAGRAPHS -> LabelledPolicy.runsOn(before, sentence);
                case RUN_TOGETHER -> endsASentence(before);
            };
        }
    }

    private static LabelledPolicy of(String name, List<String> texts, List<Set<Area>> areas, Ingestor ingestor,
                                     Join join) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[texts.size()];
        int[] ends = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0 && !join.runsOn(texts.get(i - 1), texts.get(i))) {
                joined.append('\n');
            }
            starts[i] = joined.length();
            joined.append(texts.get(i));
            ends[i] = joined.length();
        }
        Document document = ingestor.ingestText(joined.toString());
        // the sentences' offsets must hold in the document: the text is already normalised, and reading a
        // Traditional policy in Simplified script changes characters, never their number
        if (document.normalizedText().length() != joined.length()) {
            throw new IllegalStateException(name + ": normalising the joined sentences changed them");
        }
        return new LabelledPolicy(name, List.copyOf(texts), List.copyOf(areas), document, starts, ends);
    }

    /**
     * Whether {@code sentence} runs on after {@code before} on one line in a paragraph: both end with an end mark
     * (or it with a colon), and it is no heading or item of its own. A heading (no end mark) and an item (a number or
     * bullet first) start a line as the blocks of a web page and the lines of a PDF do; glued to the sentence before,
     * the section parser could not see them (2,767 headings and 3,231 items of the 65 policies were glued so until
     * 2026-12-05).
     */
    static boolean runsOn(String before, String sentence) {
        return endsASentence(before) && (endsASentence(sentence) || opensAList(sentence))
                && !Ingestor.opensWithMarker(sentence);
    }

    /** A sentence that ends with a colon opens what follows ("以下情形除外："), within its paragraph. */
    private static boolean opensAList(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '：' || last == ':';
    }

    private static boolean endsASentence(String text) {
        return "。！？；.!?;".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** The index of the sentence that holds {@code offset} (the newline after a sentence counts to it). */
    public int sentenceAt(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
