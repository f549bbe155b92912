package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import dev.policygate.assess.OperationsMetrics;
import dev.policygate.ingest.Document;
import dev.policygate.persistence.IdempotencyKeys;
import dev.policygate.persistence.RuleSetService;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.Baseline;
import dev.policygate.report.Gate;
import dev.policygate.report.Waiver;
import dev.policygate.report.Waivers;
import dev.policygate.rules.Obligation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The submission gate: assesses a policy (stored for audit like any assessment) and answers PASS or FAIL by
 * the rule of {@link Gate}.
 */
@Path("/api/v1/gate")
@Produces(MediaType.APPLICATION_JSON)
public class GateResource {
    @Inject
    AssessmentService assessments;
    @Inject
    RuleSetService ruleSets;
    @Inject
    PolicyInputs inputs;
    @Inject
    IdempotencyKeys idempotency;
    @Context
    SecurityContext security;
    @ConfigProperty(name = "policygate.gate.fail-under", defaultValue = "0")
    double defaultFailUnder;
    @Inject
    OperationsMetrics metrics;

    public record GateResponse(Gate.Decision decision, BigDecimal score, String verdict, List<Gate.Failed> failed,
                               List<String> reasons, List<Gate.Accepted> accepted, UUID assessmentId,
                               int ruleSetVersion) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public GateResponse gate(GateRequest request,
                             @HeaderParam(AssessmentResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send {\"text\": \"...\"} as JSON or a multipart file.");
        }
        Gate gate = gate(request.failUnder(), request.require(), request.partialPasses(), request.failOnVerdict(),
                request.ruleSetVersion()).with(waivers(request.waivers()), baseline(request.baseline()));
        String digest = idempotencyKey == null ? null : RequestDigest.of("gate").addJson(request).sha256();
        return decide(gate, () -> inputs.fromText(request.text(), request.format()), request.title(),
                request.ruleSetVersion(), idempotencyKey, digest);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public GateResponse gateUpload(@RestForm("file") FileUpload file, @RestForm String format, @RestForm String title,
                                   @RestForm String ruleSetVersion, @RestForm String failUnder,
                                   @RestForm String require, @RestForm String partialPasses,
                                   @RestForm String failOnVerdict,
                                   @HeaderParam(AssessmentResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        Integer version = Versions.parse(ruleSetVersion);
        Double threshold;
        try {
            threshold = failUnder == null || failUnder.isBlank() ? null : Double.valueOf(failUnder.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad failUnder", "failUnder must be a number from 0 to 100.");
        }
        List<String> required = require == null ? List.of()
                : Arrays.stream(require.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Gate gate = gate(threshold, required, partialPasses == null ? null : Boolean.valueOf(partialPasses.strip()),
                failOnVerdict, version);
        String digest = idempotencyKey == null ? null : RequestDigest.of("gate").add(file).add(format).add(title)
                .add(ruleSetVersion).add(failUnder).add(require).add(partialPasses).add(failOnVerdict).sha256();
        return decide(gate, () -> inputs.fromUpload(file, format), title, version, idempotencyKey, digest);
    }

    /** A retry with the same Idempotency-Key and request decides again on the assessment stored the first time. */
    private GateResponse decide(Gate gate, Supplier<Document> document, String title, Integer version,
                                String idempotencyKey, String requestSha256) {
        AssessmentReport report = idempotency.once(Callers.of(security), idempotencyKey, requestSha256,
                () -> assessments.assess(document.get(), title, version), AssessmentReport::id, assessments::find);
        Gate.Result r = gate.decide(report);
        metrics.gateDecided(r.decision());
        return new GateResponse(r.decision(), r.score(), r.verdict(), r.failed(), r.reasons(), r.accepted(),
                report.id(), report.ruleSetVersion());
    }

    /** Checked before anything is assessed or stored; a waiver's expiry is checked against today (UTC). */
    private static Waivers waivers(List<Waiver> waivers) {
        try {
            return new Waivers(waivers, null, LocalDate.now(ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad waiver", e.getMessage() + ".");
        }
    }

    private static Baseline baseline(AssessmentReport baseline) {
        if (baseline == null) {
            return null;
        }
        if (baseline.findings() == null || baseline.findings().isEmpty()) {
            throw new ProblemException(400, "Bad baseline",
                    "baseline must be an assessment with its findings, as POST /api/v1/assessments returned it.");
        }
        return new Baseline(List.of(baseline));
    }

    /** Checks the thresholds and required IDs before anything is assessed or stored. */
    private Gate gate(Double failUnder, List<String> require, Boolean partialPasses, String failOnVerdict,
                      Integer ruleSetVersion) {
        double threshold = failUnder == null ? defaultFailUnder : failUnder;
        if (Double.isNaN(threshold) || threshold < 0 || threshold > 100) {
            throw new ProblemException(400, "Bad failUnder", "failUnder must be a number from 0 to 100.");
        }
        Gate.FailOnVerdict onVerdict;
        try {
            onVerdict = Gate.FailOnVerdict.parse(failOnVerdict);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad failOnVerdict", e.getMessage());
        }
        List<String> required = require == null ? List.of()
                : require.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        Gate gate = Gate.of(threshold, required, Boolean.TRUE.equals(partialPasses), onVerdict);
        if (!required.isEmpty()) {
            int version = ruleSetVersion == null ? ruleSets.activeVersion() : ruleSetVersion;
            List<String> unknown = gate.unknownRequired(ruleSets.compiled(version).obligations().stream()
                    .map(Obligation::id).toList());
            if (!unknown.isEmpty()) {
                throw new ProblemException(400, "Unknown obligation", "require names obligation(s) that rule-set version "
                        + version + " does not have: " + String.join(", ", unknown) + ".", unknown);
            }
        }
        return gate;
    }
}
