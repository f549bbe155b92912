package dev.policygate.web;

import dev.policygate.assess.AssessmentService;
import dev.policygate.compare.PolicyComparison;
import dev.policygate.compare.SentenceChange;

import dev.policygate.facts.Citation;
import dev.policygate.report.ReportedFinding;
import dev.policygate.rules.CompileMessage;
import dev.policygate.rules.LegalBasis;
import dev.policygate.rules.RuleTestResult;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** What the portal templates show. */
@TemplateData(target = ReportedFinding.class)
@TemplateData(target = Citation.class)
@TemplateData(target = LegalBasis.class)
@TemplateData(target = CompileMessage.class)
@TemplateData(target = RuleTestResult.class)
@TemplateData(target = Highlighter.Segment.class)
@TemplateData(target = LineDiff.Line.class)
public final class Views {
    private Views() {
    }

    @TemplateData
    public record CitationView(String token, Citation citation) {
    }

    @TemplateData
    public record FindingView(int index, ReportedFinding f, String title, String rationale,
                              List<CitationView> citations) {
        public String status() {
            return f.status();
        }
    }

    @TemplateData
    public record AreaGroup(String letter, String name, List<FindingView> findings) {
    }

    @TemplateData
    public record StatusCount(String status, long count) {
    }

    @TemplateData
    public record CompareRow(String obligationId, String title, String statusA, String statusB, boolean changed) {
    }

    @TemplateData
    public record ObligationRow(String id, int revision, String title, String severity, boolean conditional,
                                List<LegalBasis> legalBasis) {
    }

    @TemplateData
    public record VersionRow(int version, String author, String comment, String source, String createdAt,
                             boolean active, int obligationCount) {
    }

    @TemplateData
    public record ChangedObligation(String id, int revisionA, int revisionB, List<LineDiff.Line> diff) {
    }

    @TemplateData
    public record Entry(String id, int revision) {
    }

    /** A flipped obligation on the compare page, with its causes' anchors. */
    public record FlipView(PolicyComparison.Flip flip, String title, List<CauseView> causes) {
    }

    /** A changed sentence that caused a flip; {@code token} is its mark on the page ({@code c3}). */
    public record CauseView(String token, SentenceChange change, String label) {
    }

    /** One assessment in an app's history, with the previous one (to compare with) and its place on the chart. */
    public record HistoryPoint(AssessmentService.Summary summary, java.util.UUID previous, String x, String y) {
    }
}
