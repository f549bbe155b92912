package dev.policygate.report;

import java.util.List;
import java.util.Locale;

/** The report formats: content type, file extension, and whether several policies fit in one document. */
public enum ReportFormat {
    JSON("application/json", "json", true),
    SARIF("application/sarif+json", "sarif", true),
    JUNIT("application/xml", "xml", true),
    MARKDOWN("text/markdown; charset=UTF-8", "md", true),
    HTML("text/html; charset=UTF-8", "html", false);

    private final String contentType;
    private final String extension;
    private final boolean combines;

    ReportFormat(String contentType, String extension, boolean combines) {
        this.contentType = contentType;
        this.extension = extension;
        this.combines = combines;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Whether one document can hold several policies (else: one file per policy). */
    public boolean combines() {
        return combines;
    }

    /** Parses {@code json|sarif|junit|markdown|md|html} (any case); throws IllegalArgumentException otherwise. */
    public static ReportFormat parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "json" -> JSON;
            case "sarif" -> SARIF;
            case "junit", "xml" -> JUNIT;
            case "markdown", "md" -> MARKDOWN;
            case "html" -> HTML;
            default -> throw new IllegalArgumentException("Unknown report format '" + name
                    + "': use one of json, sarif, junit, markdown, html.");
        };
    }

    public String render(List<ReportSource> sources, Gate gate) {
        return switch (this) {
            case JSON -> JsonReport.render(sources);
            case SARIF -> SarifReport.render(sources, gate);
            case JUNIT -> JUnitReport.render(sources, gate);
            case MARKDOWN -> MarkdownReport.render(sources, gate);
            case HTML -> {
                if (sources.size() != 1) {
                    throw new IllegalArgumentException("An HTML report holds one policy; got " + sources.size());
                }
                yield HtmlReport.render(sources.get(0), gate);
            }
        };
    }

    public String render(ReportSource source, Gate gate) {
        return this == JSON ? JsonReport.render(source.report()) : render(List.of(source), gate);
    }
}
