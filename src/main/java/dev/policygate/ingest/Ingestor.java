package dev.policygate.ingest;

import java.util.List;

/**
 * Turns policy bytes (plain text, HTML or PDF) or text into a {@link Document}. A small façade over
 * {@link CharsetDetection}, {@link HtmlText}, {@link PdfText}, {@link TextNormalizer}, {@link SectionParser} and
 * {@link SentenceSplitter}. Plain Java, thread-safe, no framework dependency.
 *
 * <p>Errors are {@link IngestException}s only: 400 empty, 413 too large, 415 unsupported/mismatched format, 422
 * unreadable content.
 */
public final class Ingestor {
    private final IngestLimits limits;

    public Ingestor() {
        this(IngestLimits.defaults());
    }

    public Ingestor(IngestLimits limits) {
        this.limits = limits;
    }

    public IngestLimits limits() {
        return limits;
    }

    /**
     * @param bytes        the uploaded file
     * @param formatOrNull the declared format, or null to detect it from the content
     */
    public Document ingest(byte[] bytes, SourceFormat formatOrNull) {
        if (bytes == null || bytes.length == 0) {
            throw IngestException.empty();
        }
        if (bytes.length > limits.maxUploadBytes()) {
            throw IngestLimits.tooLarge("The upload has " + bytes.length + " bytes; at most "
                    + limits.maxUploadBytes() + " are accepted.");
        }
        try {
            return dispatch(bytes, formatOrNull);
        } catch (IngestException | ChildReaders.ChildReaderUnavailable | ChildReaders.Busy e) {
            throw e; // the last two are the machine's fault or load, not the upload's: no 4xx
        } catch (StackOverflowError | RuntimeException e) {
            throw new IngestException(422, "Unreadable policy",
                    "The content could not be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private Document dispatch(byte[] bytes, SourceFormat declared) {
        boolean pdf = PdfText.looksLikePdf(bytes);
        if (declared == SourceFormat.PDF && !pdf) {
            throw mismatch("The policy was declared as PDF but the content is not a PDF (no %PDF- header).");
        }
        if (pdf) {
            if (declared != null && declared != SourceFormat.PDF) {
                throw mismatch("The policy was declared as " + declared + " but the content is a PDF.");
            }
            return build(PdfText.extract(bytes, limits), SourceFormat.PDF);
        }
        String binary = FormatSniffer.knownBinary(bytes);
        if (binary != null) {
            throw new IngestException(415, "Unsupported format",
                    "The upload is " + binary + "; send the policy as plain text, HTML or PDF.");
        }
        String declaredCharset = HtmlText.declaredCharset(bytes);
        String decoded = CharsetDetection.decode(bytes, declaredCharset);
        if (FormatSniffer.looksBinary(decoded)) {
            throw new IngestException(415, "Unsupported format",
                    "The upload looks like binary data, not a plain-text, HTML or PDF policy.");
        }
        SourceFormat format = declared;
        if (format == null) {
            format = HtmlText.sniff(decoded) ? SourceFormat.HTML : SourceFormat.TEXT;
        } else if (format == SourceFormat.TEXT && HtmlText.strongSniff(decoded)) {
            throw mismatch("The policy was declared as plain text but the content is an HTML page.");
        } else if (format == SourceFormat.HTML && !HtmlText.hasTags(decoded)) {
            throw mismatch("The policy was declared as HTML but the content contains no HTML markup.");
        }
        if (format == SourceFormat.HTML) {
            return build(HtmlText.extract(decoded), SourceFormat.HTML);
        }
        return build(decoded, SourceFormat.TEXT);
    }

    private static IngestException mismatch(String detail) {
        return new IngestException(415, "Format mismatch", detail);
    }

    /** The normalised form of a text, as every ingested document holds it (see {@link TextNormalizer}). */
    public static String normalize(CharSequence raw) {
        return TextNormalizer.normalize(raw);
    }

    /**
     * Whether ingestion may turn the character {@code original} into {@code normalized} in place: the same
     * character, a full-width digit or letter and its ASCII form, or a Traditional character and its Simplified form
     * or its mainland word's character ({@link RegionalWords}).
     * (Whitespace is folded, not replaced: see {@link TextNormalizer}.)
     */
    public static boolean readsAs(char original, char normalized) {
        return original == normalized || TextNormalizer.halfWidth(original) == normalized
                || ChineseScript.readsAs(original, normalized);
    }

    /**
     * The original of a document as ingestion reads its words, to find a quote in it: a text in Traditional script
     * (an HTML page too) in Simplified characters and mainland words; any other text as it is. Same length, so an
     * offset found in it is an offset of the original.
     */
    public static String readForm(String original) {
        return ChineseScript.isTraditional(original) ? inMainlandWords(original) : original;
    }

    private static String inMainlandWords(String traditional) {
        return RegionalWords.toMainland(ChineseScript.toSimplified(traditional));
    }

    /**
     * Whether a line opens with a bullet (•·▪●◆■-*) or a numbering marker ({@code 1.}, {@code （一）}, {@code ①} …,
     * see {@link Numbering}): an item or numbered paragraph, which a web page or a PDF starts on a line of its own.
     */
    public static boolean opensWithMarker(String line) {
        return Numbering.opensWithMarker(line);
    }

    /** Ingests text that is already decoded (treated as plain text). */
    public Document ingestText(String text) {
        if (text == null) {
            throw IngestException.empty();
        }
        if (text.length() > limits.maxUploadBytes()) {
            throw IngestLimits.tooLarge("The text has " + text.length() + " characters; at most "
                    + limits.maxUploadBytes() + " are accepted.");
        }
        try {
            return build(text, SourceFormat.TEXT);
        } catch (IngestException e) {
            throw e;
        } catch (StackOverflowError | RuntimeException e) {
            throw new IngestException(422, "Unreadable policy",
                    "The text could not be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private Document build(String raw, SourceFormat format) {
        String flowed = format == SourceFormat.TEXT ? HardWraps.unwrap(raw) : raw; // HTML and PDF have their own
        String text = TextNormalizer.normalize(LetterSpacing.close(flowed));
        if (text.isEmpty()) {
            throw IngestException.empty();
        }
        long utf8 = IngestLimits.utf8Bytes(text);
        if (utf8 > limits.maxTextBytes()) {
            throw IngestLimits.tooLarge("The policy text has " + utf8 + " bytes (UTF-8); at most "
                    + limits.maxTextBytes() + " are accepted.");
        }
        switch (ChineseScript.of(text)) {
            case TRADITIONAL -> text = inMainlandWords(text);
            case NOT_CHINESE -> throw new IngestException(422, "Not a Chinese policy",
                    "Fewer than 5% of the text's letters are Chinese characters. policygate reads policies written in"
                            + " Chinese (Simplified or Traditional script); a policy in another language would be"
                            + " judged on facts it cannot find.");
            case SIMPLIFIED -> { }
        }
        SectionParser.Result parsed = SectionParser.parse(text);
        List<Sentence> sentences = SentenceSplitter.split(text, parsed);
        return new Document(text, format, List.copyOf(parsed.sections()), List.copyOf(sentences));
    }
}
