package dev.policygate.report;

/**
 * One policy to put in a report: its assessment, where it came from and the text of the original file (for
 * mapping citations back to lines), or, when the policy could not be assessed, the error.
 *
 * @param uri          the input file as a relative or absolute path / URI (SARIF {@code artifactLocation.uri})
 * @param originalText the file's text as read (null: the normalised text stands for it)
 * @param report       the assessment, null when {@code error} is set
 * @param error        why the file could not be assessed, or null
 */
public record ReportSource(String uri, String originalText, AssessmentReport report, String error) {
    public static ReportSource of(String uri, String originalText, AssessmentReport report) {
        return new ReportSource(uri, originalText, report, null);
    }

    public static ReportSource failed(String uri, String error) {
        return new ReportSource(uri, null, null, error);
    }

    /** A stored assessment without its original file: positions refer to the normalised text. */
    public static ReportSource of(AssessmentReport report) {
        String name = report.title() != null && !report.title().isBlank() ? report.title() : "assessment-" + report.id();
        return new ReportSource(name, report.normalizedText(), report, null);
    }

    public String name() {
        if (report != null && report.title() != null && !report.title().isBlank()) {
            return report.title();
        }
        return uri;
    }
}
