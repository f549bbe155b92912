package dev.policygate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policygate.facts.Citation;
import dev.policygate.rules.LegalBasis;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0: one run; one rule per obligation; one result per finding that is neither MET nor
 * NOT_APPLICABLE, located in the original file (see {@link SourceMap}). Policies that could not be read are
 * tool execution notifications of level error.
 */
public final class SarifReport {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SarifReport() {
    }

    public static String level(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> "error";
            case "MAJOR" -> "warning";
            default -> "note";
        };
    }

    /** The app's package and targetSdkVersion (its AppInfo fact), when an APK or app profile was assessed. */
    private static Optional<ObjectNode> appInfo(AssessmentReport r) {
        if (r.facts() == null) {
            return Optional.empty();
        }
        for (JsonNode f : r.facts()) {
            if ("AppInfo".equals(f.path("type").asText())) {
                ObjectNode app = F.objectNode();
                app.set("packageName", f.hasNonNull("packageName") ? f.get("packageName") : F.nullNode());
                app.set("targetSdkVersion", f.hasNonNull("targetSdkVersion") ? f.get("targetSdkVersion") : F.nullNode());
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    public static String render(List<ReportSource> sources, Gate gate) {
        ObjectNode root = F.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "policygate");
        driver.put("informationUri", "https://policygate.dev/");
        driver.put("semanticVersion", "0.1.0");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        Map<String, FindingRemediation> remediations = new LinkedHashMap<>();
        for (ReportSource s : sources) {
            if (s.report() != null) {
                s.report().findings().stream().filter(f -> f.remediation() != null)
                        .forEach(f -> remediations.putIfAbsent(f.obligationId(), f.remediation()));
            }
        }
        for (ReportSource s : sources) {
            if (s.report() == null) {
                continue;
            }
            for (ReportedFinding f : s.report().findings()) {
                if (!ruleIndex.containsKey(f.obligationId())) {
                    ruleIndex.put(f.obligationId(), ruleIndex.size());
                    rules.add(rule(f, remediations.get(f.obligationId())));
                }
            }
        }
        ArrayNode artifacts = run.putArray("artifacts");
        ArrayNode results = run.putArray("results");
        ObjectNode invocation = run.putArray("invocations").addObject();
        ArrayNode notifications = F.arrayNode();
        ArrayNode policies = F.arrayNode();
        boolean ok = true;
        for (ReportSource s : sources) {
            String uri = uri(s.uri());
            int artifactIndex = artifacts.size();
            artifacts.addObject().putObject("location").put("uri", uri);
            if (s.report() == null) {
                ok = false;
                ObjectNode n = notifications.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", "Could not assess " + s.uri() + ": " + s.error());
                n.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                        .put("uri", uri).put("index", artifactIndex);
                continue;
            }
            AssessmentReport r = s.report();
            Gate.Result decision = gate.decide(s);
            java.util.Map<String, String> baseStatus = gate.baseline() == null || gate.baseline().of(r) == null
                    ? java.util.Map.of() : Baseline.statuses(gate.baseline().of(r));
            ObjectNode p = policies.addObject();
            p.put("uri", uri);
            p.put("title", r.title());
            p.put("score", r.score());
            p.put("verdict", r.verdict());
            p.put("decision", decision.decision().name());
            p.put("assessmentId", String.valueOf(r.id()));
            p.put("ruleSetVersion", r.ruleSetVersion());
            appInfo(r).ifPresent(app -> p.set("app", app));
            SourceMap map = new SourceMap(s.originalText(), r.normalizedText());
            for (ReportedFinding f : r.findings()) {
                if ("MET".equals(f.status()) || "NOT_APPLICABLE".equals(f.status())) {
                    continue;
                }
                ObjectNode res = results.addObject();
                res.put("ruleId", f.obligationId());
                res.put("ruleIndex", ruleIndex.get(f.obligationId()));
                res.put("level", "PARTIAL".equals(f.status()) ? demote(level(f.severity())) : level(f.severity()));
                res.putObject("message").put("text", message(f));
                ObjectNode location = res.putArray("locations").addObject();
                ObjectNode phys = location.putObject("physicalLocation");
                phys.putObject("artifactLocation").put("uri", uri).put("index", artifactIndex);
                if (f.subject() != null) {
                    // the APK entry the finding is about: a permission (a manifest resource) or an SDK's class package
                    location.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.subject())
                            .put("kind", f.obligationId().contains("SDK") ? "namespace" : "resource");
                }
                SourceMap.Region region = locate(map, f);
                ObjectNode reg = phys.putObject("region");
                reg.put("startLine", region.startLine());
                reg.put("startColumn", region.startColumn());
                reg.put("endLine", region.endLine());
                reg.put("endColumn", region.endColumn());
                ObjectNode fix = fix(map, f, uri, artifactIndex);
                if (fix != null) {
                    res.putArray("fixes").add(fix);
                }
                decision.acceptance(f.obligationId()).filter(a -> a.by() == Gate.AcceptedBy.WAIVER)
                        .ifPresent(a -> {
                            ObjectNode sup = res.putArray("suppressions").addObject();
                            sup.put("kind", "external");
                            sup.put("status", "accepted");
                            sup.put("justification", a.reason());
                            ObjectNode supProps = sup.putObject("properties");
                            supProps.put("owner", a.owner());
                            supProps.put("expires", a.until().toString());
                        });
                if (gate.baseline() != null) {
                    String was = baseStatus.get(f.obligationId());
                    res.put("baselineState", was == null || Baseline.rank(was) == 2 ? "new"
                            : was.equals(f.status()) ? "unchanged" : "updated");
                }
                res.putObject("partialFingerprints").put("policygate/obligation/v1", uri + "#" + f.obligationId()
                        + (f.subject() == null ? "" : "#" + f.subject()));
                ObjectNode props = res.putObject("properties");
                props.put("status", f.status());
                if (f.subject() != null) {
                    props.put("subject", f.subject());
                }
                props.put("severity", f.severity());
                props.put("title", f.title());
                props.put("titleEn", f.titleEn());
                props.put("score", r.score());
                props.put("verdict", r.verdict());
                props.put("required", gate.require().contains(f.obligationId()));
                ArrayNode looked = props.putArray("lookedIn");
                if (f.lookedIn() != null) {
                    f.lookedIn().forEach(looked::add);
                }
            }
        }
        invocation.put("executionSuccessful", ok);
        if (!notifications.isEmpty()) {
            invocation.set("toolExecutionNotifications", notifications);
        }
        run.putObject("properties").set("policies", policies);
        try {
            return JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a finding points: its first citation; else the heading it looked in; else line 1. */
    static SourceMap.Region locate(SourceMap map, ReportedFinding f) {
        if (f.citations() != null) {
            for (Citation c : f.citations()) {
                SourceMap.Region r = map.region(c.start(), c.end(), c.quote());
                if (r != null) {
                    return r;
                }
            }
        }
        if (f.lookedIn() != null) {
            for (String path : f.lookedIn()) {
                SourceMap.Region r = map.heading(path);
                if (r != null) {
                    return r;
                }
            }
        }
        return map.firstLine();
    }

    private static String demote(String level) {
        return "error".equals(level) ? "warning" : "note";
    }

    private static String message(ReportedFinding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.obligationId()).append(" ").append(f.status()).append(": ");
        sb.append(f.rationale() == null ? "" : f.rationale());
        if (f.rationaleEn() != null) {
            sb.append(" / ").append(f.rationaleEn());
        }
        if (f.lookedIn() != null && !f.lookedIn().isEmpty()) {
            sb.append(" (looked in: ").append(String.join("; ", f.lookedIn())).append(")");
        }
        FindingRemediation r = f.remediation();
        if (r != null) {
            sb.append("\n修改建议 Fix: ").append(r.zh()).append(" / ").append(r.en());
            sb.append("\n示范条款 Model clause: ").append(r.clause());
            if (r.insertAt() != null) {
                sb.append("\n(insert at the end of: ").append(r.insertAt().section()).append(")");
            }
        }
        return sb.toString();
    }

    /**
     * A SARIF fix that inserts the model clause as a new line at the end of the section that should hold it;
     * only where that point maps exactly to the original file.
     */
    static ObjectNode fix(SourceMap map, ReportedFinding f, String uri, int artifactIndex) {
        FindingRemediation r = f.remediation();
        if (r == null || r.insertAt() == null || !map.exact() || r.insertAt().offset() <= 0) {
            return null;
        }
        int at = r.insertAt().offset();
        SourceMap.Region last = map.region(at - 1, at, null);
        if (last == null) {
            return null;
        }
        ObjectNode fix = F.objectNode();
        fix.putObject("description").put("text", "在“" + r.insertAt().section() + "”末尾插入示范条款 / Insert the model clause "
                + "at the end of this section" + (r.open().isEmpty() ? "" : "; fill in " + String.join("、", r.open())));
        ObjectNode change = fix.putArray("artifactChanges").addObject();
        change.putObject("artifactLocation").put("uri", uri).put("index", artifactIndex);
        ObjectNode replacement = change.putArray("replacements").addObject();
        ObjectNode deleted = replacement.putObject("deletedRegion");
        deleted.put("startLine", last.endLine());
        deleted.put("startColumn", last.endColumn());
        deleted.put("endLine", last.endLine());
        deleted.put("endColumn", last.endColumn());
        replacement.putObject("insertedContent").put("text", "\n" + r.clause());
        return fix;
    }

    private static ObjectNode rule(ReportedFinding f, FindingRemediation remediation) {
        ObjectNode rule = F.objectNode();
        rule.put("id", f.obligationId());
        rule.put("name", camel(f.obligationId()));
        rule.putObject("shortDescription").put("text", f.title() + " / " + f.titleEn());
        String basis = basis(f.legalBasis());
        rule.putObject("fullDescription").put("text", f.title() + " (" + f.titleEn() + "). 法律依据 Legal basis: " + basis);
        ObjectNode help = rule.putObject("help");
        String fixText = remediation == null ? "" : "修改建议 How to fix: " + remediation.zh() + "\n" + remediation.en()
                + "\n示范条款 Model clause:\n" + remediation.clauseTemplate() + "\n\n";
        String fixMarkdown = remediation == null ? "" : "**修改建议 How to fix:** " + remediation.zh() + "  \n"
                + remediation.en() + "\n\n**示范条款 Model clause:**\n\n> " + remediation.clauseTemplate()
                .replace("\n", "\n> ") + "\n\n";
        help.put("text", fixText + "Legal basis:\n" + basis);
        help.put("markdown", "**" + f.title() + "** (" + f.titleEn() + ")\n\n" + fixMarkdown
                + basisMarkdown(f.legalBasis()));
        rule.putObject("defaultConfiguration").put("level", level(f.severity()));
        ObjectNode props = rule.putObject("properties");
        props.put("severity", f.severity());
        props.putArray("tags").add("privacy-policy").add("PIPL");
        return rule;
    }

    static String basis(List<LegalBasis> basis) {
        if (basis == null || basis.isEmpty()) {
            return "(none given)";
        }
        StringBuilder sb = new StringBuilder();
        for (LegalBasis b : basis) {
            if (sb.length() > 0) {
                sb.append("\n");
            }
            sb.append(b.instrument()).append(" ").append(b.article() == null ? "" : b.article());
            if (b.textZh() != null && !b.textZh().isBlank()) {
                sb.append("：").append(b.textZh().strip());
            }
        }
        return sb.toString();
    }

    private static String basisMarkdown(List<LegalBasis> basis) {
        if (basis == null || basis.isEmpty()) {
            return "Legal basis: (none given)";
        }
        StringBuilder sb = new StringBuilder("Legal basis:\n");
        for (LegalBasis b : basis) {
            sb.append("\n- ").append(b.instrument()).append(" ").append(b.article() == null ? "" : b.article());
            if (b.textZh() != null && !b.textZh().isBlank()) {
                sb.append("\n  > ").append(b.textZh().strip().replace("\n", " "));
            }
        }
        return sb.toString();
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    /** A relative path stays relative (with forward slashes); percent-encodes what a URI cannot hold. */
    static String uri(String path) {
        if (path == null || path.isBlank()) {
            return "policy";
        }
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !path.matches("^[a-zA-Z]:[\\\\/].*")) {
            return path; // already a URI (file:, https:)
        }
        String p = path.replace('\\', '/');
        try {
            if (p.startsWith("/")) {
                return java.nio.file.Path.of(path).toUri().toASCIIString();
            }
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return p;
        }
    }
}
