/**
 * Ingestion: policy bytes (plain text, HTML or PDF) → {@link dev.policygate.ingest.Document}.
 *
 * <p>Pipeline, one small class per step, plain Java (also used by the CLI):
 * <ol>
 * <li>Format: {@code %PDF-} magic → PDF; HTML sniffing ({@code <!doctype html}, {@code <html>}, {@code <body>},
 * or block tags near the start) → HTML; else text. A declared format that contradicts the content is a 415;
 * known binary formats (docx, images, zip) are a 415.</li>
 * <li>Text: {@link dev.policygate.ingest.CharsetDetection} (BOM, strict UTF-8, UTF-16, juniversalchardet restricted
 * to GB18030/Big5, all strict); undecodable bytes are a 422, never mojibake. Plain text wrapped at a fixed width is
 * re-flowed ({@link dev.policygate.ingest.HardWraps}); text of any format with a space between every two characters
 * is closed up ({@link dev.policygate.ingest.LetterSpacing}).</li>
 * <li>HTML: {@link dev.policygate.ingest.HtmlText} (jsoup, iterative traversal, h1–h6 as {@code #} headings,
 * table rows as {@code a | b | c}). PDF: {@link dev.policygate.ingest.PdfLines} (PDFBox 3, page limit,
 * decompression-bomb check) run in a child JVM by {@link dev.policygate.ingest.ChildReaders} (killed at the time
 * limit, heap capped), then {@link dev.policygate.ingest.PdfText} (line re-flow, page numbers and running headers
 * dropped).</li>
 * <li>{@link dev.policygate.ingest.TextNormalizer}: the one text all offsets refer to (one paragraph per line,
 * full-width digits and letters as ASCII); {@link dev.policygate.ingest.ChineseScript}: Traditional script read as
 * Simplified, a text that is not Chinese refused (422).</li>
 * <li>{@link dev.policygate.ingest.SectionParser}: heading tree from the numbering styles, levels by nesting order,
 * list items and a table of contents are not sections; the title line is preamble, not the path root.</li>
 * <li>{@link dev.policygate.ingest.SentenceSplitter}: sentences with offsets and section paths.</li>
 * </ol>
 * Errors are {@link dev.policygate.ingest.IngestException}s with an HTTP status: 400 empty, 413 too large, 415
 * unsupported or mismatched format, 422 unreadable.
 */
package dev.policygate.ingest;
