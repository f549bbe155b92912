package dev.policygate.web;

import dev.policygate.api.IfMatch;
import dev.policygate.api.ObligationInput;
import dev.policygate.api.PolicyInputs;
import dev.policygate.api.Problem;
import dev.policygate.api.ProblemException;
import dev.policygate.assess.AssessmentService;
import dev.policygate.compare.PolicyComparer;
import dev.policygate.compare.PolicyComparison;
import dev.policygate.compare.SentenceChange;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.IngestException;
import dev.policygate.persistence.ObligationRevision;
import dev.policygate.persistence.ObligationService;
import dev.policygate.persistence.RuleSetService;
import dev.policygate.persistence.RuleSetVersion;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.ReportedFinding;
import dev.policygate.rules.CompileMessage;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.Remediation;
import dev.policygate.rules.RuleCompilationException;
import dev.policygate.rules.RuleExecutionException;
import dev.policygate.rules.RuleSetDefectException;
import dev.policygate.rules.RuleTestResult;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The review portal: server-rendered pages over the same services as the REST API. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {
    private static final Logger LOG = Logger.getLogger(PortalResource.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    static final List<String> STATUSES = List.of("NOT_MET", "PARTIAL", "MET", "NOT_APPLICABLE");
    static final List<String> AREAS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I");
    private static final int PAGE_SIZE = 20;

    @Inject
    Portal portal;
    @Inject
    AssessmentService assessments;
    @Inject
    PolicyInputs inputs;
    @Inject
    ObligationService obligations;
    @Inject
    RuleSetService ruleSets;

    @Inject
    Template submit;
    @Inject
    Template report;
    @Inject
    Template history;
    @Inject
    Template compare;
    @Inject
    Template app;
    @Inject
    Template obligationsPage;
    @Inject
    Template editor;
    @Inject
    Template rulesets;
    @Inject
    Template login;
    @Inject
    Template problem;

    // ---------------------------------------------------------------- submit

    @GET
    public Response home() {
        return submitForm(null, "", "", null, 200);
    }

    private Response submitForm(String error, String title, String text, String version, int status) {
        List<Integer> versions = ruleSets.versions().stream().map(v -> v.version).toList();
        return portal.render(submit.data("error", error).data("title", title == null ? "" : title)
                .data("text", text == null ? "" : text).data("versions", versions)
                .data("selectedVersion", parseOrNull(version))
                .data("activeVersion", ruleSets.activeVersion()), status);
    }

    @Inject
    dev.policygate.api.AppInputs apps;

    @POST
    @Path("assess")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response assess(@RestForm String csrf, @RestForm String text, @RestForm("file") FileUpload file,
                           @RestForm String format, @RestForm String title, @RestForm String ruleSetVersion,
                           @RestForm String appId, @RestForm String versionLabel,
                           @RestForm("apk") FileUpload apk) {
        portal.checkCsrf(csrf);
        Map<String, String> m = portal.messages();
        try {
            Integer version = ruleSetVersion == null || ruleSetVersion.isBlank() ? null
                    : Integer.valueOf(ruleSetVersion.strip());
            boolean hasFile = file != null && file.size() > 0;
            boolean hasText = text != null && !text.isBlank();
            if (!hasFile && !hasText) {
                boolean emptyFile = file != null && file.fileName() != null && !file.fileName().isBlank();
                return submitForm(m.get(emptyFile ? "error_empty_file" : "error_empty"), title, text,
                        ruleSetVersion, 400);
            }
            Document document = hasFile ? inputs.fromUpload(file, null) : inputs.fromText(text, format);
            String effectiveTitle = title != null && !title.isBlank() ? title.strip()
                    : hasFile ? file.fileName() : null;
            var appFacts = apps.facts(apk != null && apk.size() > 0 ? apk : null, null);
            AssessmentReport r = assessments.assess(document, effectiveTitle, version, appId, versionLabel, appFacts);
            return Response.seeOther(URI.create("/assessments/" + r.id())).build();
        } catch (NumberFormatException e) {
            return submitForm(m.get("error_version"), title, text, ruleSetVersion, 400);
        } catch (IngestException e) {
            boolean pasted = file == null || file.size() == 0;
            String key = switch (e.httpStatus()) {
                case 400 -> "error_empty";
                case 413 -> "error_too_large";
                case 415 -> "error_unsupported";
                default -> pasted ? "error_text_unreadable" : "error_unreadable";
            };
            return submitForm(m.get(key) + " " + e.getMessage(), title, text, ruleSetVersion, e.httpStatus());
        } catch (ProblemException e) {
            return submitForm(e.getMessage(), title, text, ruleSetVersion, e.status());
        } catch (RuleExecutionException e) {
            if (e.causedByLoad()) {
                Response busy = submitForm(m.get("error_busy") + " (" + e.getMessage() + ")", title, text,
                        ruleSetVersion, 503);
                return Response.fromResponse(busy).header("Retry-After", Problem.RETRY_AFTER_SECONDS).build();
            }
            return submitForm(m.get("error_evaluation") + " " + e.getMessage(), title, text, ruleSetVersion, 422);
        } catch (RuleSetDefectException e) {
            return submitForm(m.get("error_rule_set_defect") + " " + e.getMessage(), title, text, ruleSetVersion,
                    422);
        } catch (RuntimeException e) {
            LOG.warn("Portal assessment failed", e);
            return submitForm(m.get("error_internal"), title, text, ruleSetVersion, 500);
        }
    }

    // ---------------------------------------------------------------- report

    @GET
    @Path("assessments/{id}")
    public Response report(@PathParam("id") String id) {
        AssessmentReport r = find(id);
        if (r == null) {
            return notFound(portal.messages().get("error_no_assessment"));
        }
        boolean zh = portal.zh();
        Map<String, String> areaOf = areasOf(r.ruleSetVersion());
        List<Highlighter.Span> spans = new ArrayList<>();
        Map<String, List<Views.FindingView>> byArea = new TreeMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        for (int i = 0; i < r.findings().size(); i++) {
            ReportedFinding f = r.findings().get(i);
            List<Views.CitationView> cites = new ArrayList<>();
            List<dev.policygate.facts.Citation> cs = f.citations() == null ? List.of() : f.citations();
            for (int j = 0; j < cs.size(); j++) {
                String token = i + "-" + j;
                cites.add(new Views.CitationView(token, cs.get(j)));
                spans.add(new Highlighter.Span(cs.get(j).start(), cs.get(j).end(), token));
            }
            String title = zh || f.titleEn() == null ? f.title() : f.titleEn();
            String rationale = zh || f.rationaleEn() == null ? f.rationale() : f.rationaleEn();
            byArea.computeIfAbsent(areaOf.getOrDefault(f.obligationId(), "?"), k -> new ArrayList<>())
                    .add(new Views.FindingView(i, f, title, rationale, cites));
            counts.merge(f.status(), 1L, Long::sum);
        }
        Map<String, String> m = portal.messages();
        List<Views.AreaGroup> groups = byArea.entrySet().stream()
                .map(e -> new Views.AreaGroup(e.getKey(), m.getOrDefault("area_" + e.getKey(), e.getKey()),
                        e.getValue())).toList();
        List<Views.StatusCount> statusCounts = counts.entrySet().stream()
                .map(e -> new Views.StatusCount(e.getKey(), e.getValue())).toList();
        String text = r.normalizedText() == null ? "" : r.normalizedText();
        return portal.render(report.data("r", r).data("groups", groups).data("counts", statusCounts)
                .data("app", AppPanel.of(r.facts(), r.findings()))
                .data("segments", Highlighter.segments(text, spans))
                .data("created", WHEN.format(r.createdAt())), 200);
    }

    private static Integer parseOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, String> areasOf(int version) {
        try {
            return obligations.list(version).stream()
                    .collect(Collectors.toMap(ObligationService.ObligationView::id,
                            o -> o.area() == null || o.area().isBlank() ? "?" : o.area(), (a, b) -> a));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private AssessmentReport find(String id) {
        try {
            return assessments.find(UUID.fromString(id));
        } catch (IllegalArgumentException | ProblemException e) {
            return null;
        }
    }

    private Response notFound(String message) {
        return portal.render(problem.data("message", message), 404);
    }

    // ---------------------------------------------------------------- history and compare

    @GET
    @Path("assessments")
    public Response history(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        AssessmentService.Page result = assessments.search(q, p, PAGE_SIZE);
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Map<UUID, String> when = new LinkedHashMap<>();
        result.items().forEach(s -> when.put(s.id(), WHEN.format(s.createdAt())));
        String qs = q == null ? "" : java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        return portal.render(history.data("items", result.items()).data("when", when).data("q", q == null ? "" : q)
                .data("qs", qs).data("page", p).data("pageNo", p + 1).data("prevPage", p - 1).data("nextPage", p + 1).data("pages", pages).data("total", result.total())
                .data("hasPrev", p > 0).data("hasNext", p + 1 < pages), 200);
    }

    @GET
    @Path("compare")
    public Response compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        AssessmentReport ra = a == null ? null : find(a);
        AssessmentReport rb = b == null ? null : find(b);
        if (ra == null || rb == null) {
            return notFound(portal.messages().get("error_compare"));
        }
        boolean zh = portal.zh();
        Map<String, ReportedFinding> fa = new LinkedHashMap<>();
        // app-behaviour findings are one per subject (permission, SDK): a row each
        ra.findings().forEach(f -> fa.put(f.subject() == null ? f.obligationId() : f.obligationId() + " · " + f.subject(), f));
        Map<String, ReportedFinding> fb = new LinkedHashMap<>();
        rb.findings().forEach(f -> fb.put(f.subject() == null ? f.obligationId() : f.obligationId() + " · " + f.subject(), f));
        Set<String> ids = new LinkedHashSet<>(fa.keySet());
        ids.addAll(fb.keySet());
        List<Views.CompareRow> rows = new ArrayList<>();
        for (String id : ids) {
            ReportedFinding x = fa.get(id);
            ReportedFinding y = fb.get(id);
            ReportedFinding any = x != null ? x : y;
            String title = zh || any.titleEn() == null ? any.title() : any.titleEn();
            String sa = x == null ? "—" : x.status();
            String sb = y == null ? "—" : y.status();
            rows.add(new Views.CompareRow(id, title, sa, sb, !sa.equals(sb)));
        }
        PolicyComparison c = PolicyComparer.compare(ra, rb);
        // every changed sentence is marked on its side(s) as c<N>; flipped obligations link to their causes
        Map<SentenceChange, Integer> number = new java.util.IdentityHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        List<Highlighter.Span> spansA = new ArrayList<>();
        List<Highlighter.Span> spansB = new ArrayList<>();
        for (int i = 0; i < c.changes().size(); i++) {
            SentenceChange ch = c.changes().get(i);
            number.put(ch, i);
            kinds.put("c" + i, ch.kind().name());
            if (ch.before() != null) {
                spansA.add(new Highlighter.Span(ch.before().start(), ch.before().end(), "c" + i));
            }
            if (ch.after() != null) {
                spansB.add(new Highlighter.Span(ch.after().start(), ch.after().end(), "c" + i));
            }
        }
        List<Views.FlipView> flips = c.flipped().stream().map(f -> new Views.FlipView(f,
                zh || f.titleEn() == null ? f.title() : f.titleEn(),
                f.causes().stream().map(ch -> new Views.CauseView("c" + number.get(ch), ch,
                        portal.messages().get("change_" + ch.kind()))).toList())).toList();
        List<Views.CompareRow> changed = rows.stream().filter(Views.CompareRow::changed).toList();
        return portal.render(compare.data("a", ra).data("b", rb).data("rows", rows).data("changed", changed)
                .data("c", c).data("flips", flips).data("kinds", kinds)
                .data("segmentsA", Highlighter.segments(ra.normalizedText() == null ? "" : ra.normalizedText(), spansA))
                .data("segmentsB", Highlighter.segments(rb.normalizedText() == null ? "" : rb.normalizedText(), spansB))
                .data("whenA", WHEN.format(ra.createdAt())).data("whenB", WHEN.format(rb.createdAt())), 200);
    }

    // ---------------------------------------------------------------- an app's history

    @GET
    @Path("apps/{appId}")
    public Response app(@PathParam("appId") String appId) {
        List<AssessmentService.Summary> items;
        try {
            items = assessments.history(appId);
        } catch (ProblemException e) {
            return notFound(e.getMessage());
        }
        if (items.isEmpty()) {
            return notFound(portal.messages().get("error_no_app"));
        }
        Map<UUID, String> when = new LinkedHashMap<>();
        items.forEach(s -> when.put(s.id(), WHEN.format(s.createdAt())));
        List<Views.HistoryPoint> points = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AssessmentService.Summary s = items.get(i);
            // score over time: x evenly spaced by version, y from 0 (bottom) to 100 (top) of a 600×200 chart
            double x = items.size() == 1 ? 300 : 30 + i * (540.0 / (items.size() - 1));
            double y = 190 - s.score().doubleValue() * 1.8;
            points.add(new Views.HistoryPoint(s, i == 0 ? null : items.get(i - 1).id(),
                    String.format(java.util.Locale.ROOT, "%.1f", x), String.format(java.util.Locale.ROOT, "%.1f", y)));
        }
        String polyline = points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
        return portal.render(app.data("appId", items.get(0).appId()).data("points", points)
                .data("polyline", polyline).data("when", when), 200);
    }

    // ---------------------------------------------------------------- obligations

    @GET
    @Path("obligations")
    public Response obligations(@QueryParam("version") Integer version) {
        int v = version == null ? ruleSets.activeVersion() : version;
        List<ObligationService.ObligationView> all;
        try {
            all = obligations.list(v);
        } catch (ProblemException e) {
            return notFound(e.getMessage());
        }
        boolean zh = portal.zh();
        Map<String, String> m = portal.messages();
        Map<String, List<Views.ObligationRow>> byArea = new TreeMap<>();
        for (ObligationService.ObligationView o : all) {
            byArea.computeIfAbsent(o.area() == null || o.area().isBlank() ? "?" : o.area(), k -> new ArrayList<>())
                    .add(new Views.ObligationRow(o.id(), o.revision(), zh ? o.titleZh() : o.titleEn(), o.severity(),
                            o.conditional(), o.legalBasis()));
        }
        List<Map<String, Object>> groups = byArea.entrySet().stream().map(e -> Map.<String, Object>of(
                "letter", e.getKey(), "name", m.getOrDefault("area_" + e.getKey(), e.getKey()),
                "obligations", e.getValue())).toList();
        return portal.render(obligationsPage.data("groups", groups).data("version", v)
                .data("count", all.size()), 200);
    }

    @GET
    @Path("obligations/{id}/edit")
    @RolesAllowed("rule-author")
    public Response edit(@PathParam("id") String id) {
        RuleSetService.Latest latest = ruleSets.latest();
        Obligation o = latest.obligations().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (o == null) {
            return notFound(portal.messages().get("error_no_obligation"));
        }
        return editorPage(o, latest.revisions().get(id), o.drl(), o.tests(), null, null, false, 200);
    }

    @POST
    @Path("obligations/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rule-author")
    public Response editSubmit(@PathParam("id") String id, @RestForm String csrf, @RestForm String drl,
                               @RestForm String tests, @RestForm String action, @RestForm String remedyZh,
                               @RestForm String remedyEn, @RestForm String remedyClause,
                               @RestForm String remedySection, @RestForm String remedyMatch,
                               @RestForm Integer revision) {
        portal.checkCsrf(csrf);
        Obligation o = ruleSets.latestObligation(id).orElse(null);
        if (o == null) {
            return notFound(portal.messages().get("error_no_obligation"));
        }
        String d = drl == null ? "" : drl.replace("\r\n", "\n");
        String t = tests == null || tests.isBlank() ? null : tests.replace("\r\n", "\n");
        Remediation remedy = remediation(o.remediation(), remedyZh, remedyEn, remedyClause, remedySection,
                remedyMatch);
        ObligationInput input = new ObligationInput(o.id(), o.titleZh(), o.titleEn(), o.area(), o.pack(),
                o.severity().name(), o.conditional(), o.legalBasis(), d, t, remedy);
        o = o.withRemediation(remedy);
        ObligationService.Validation validation;
        try {
            validation = obligations.validate(input);
        } catch (ProblemException e) {
            return editorPage(o, revision, d, t, new ObligationService.Validation(false, List.of(
                    new CompileMessage(id, "ERROR", 0, 0, e.getMessage())), List.of()), null, false, 400);
        }
        if (!"save".equals(action) || !validation.valid()) {
            return editorPage(o, revision, d, t, validation, null, false, validation.valid() ? 200 : 400);
        }
        try {
            // the revision the form was loaded with: an edit saved meanwhile by someone else is not overwritten
            IfMatch ifMatch = new IfMatch(revision == null ? null : IfMatch.obligationTag(revision));
            ObligationService.Change change = obligations.update(input.toObligation(id), ifMatch, portal.user());
            return editorPage(ruleSets.latestObligation(id).orElse(o), change.revision(), d, t, validation, change,
                    false, 200);
        } catch (RuleCompilationException e) {
            return editorPage(o, revision, d, t, new ObligationService.Validation(false, e.messages(), List.of()),
                    null, false, 400);
        } catch (ProblemException e) {
            boolean conflict = e.status() == 412 || e.status() == 428;
            return editorPage(o, revision, d, t, new ObligationService.Validation(false, List.of(
                    new CompileMessage(id, "ERROR", 0, 0, e.getMessage())), validation.tests()), null, conflict,
                    e.status() == 428 ? 412 : e.status());
        }
    }

    /** The remediation as the form gives it (blank fields: none), keeping the samples of the one it edits. */
    private static Remediation remediation(Remediation old, String zh, String en, String clause, String section,
                                           String match) {
        if (blank(zh) && blank(en) && blank(clause)) {
            return null;
        }
        return new Remediation(strip(zh), strip(en), clause == null ? null : clause.replace("\r\n", "\n").strip(),
                strip(section), strip(match), old == null ? null : old.samples());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    private Response editorPage(Obligation o, Integer revision, String drl, String tests,
                                ObligationService.Validation validation, ObligationService.Change saved,
                                boolean conflict, int status) {
        List<CompileMessage> messages = validation == null ? List.of() : validation.messages();
        List<RuleTestResult> results = validation == null ? List.of() : validation.tests();
        String errorLines = messages.stream().filter(c -> c.line() > 0 && (c.obligationId() == null
                        || c.obligationId().equals(o.id()))).map(c -> String.valueOf(c.line())).distinct()
                .collect(Collectors.joining(" "));
        long passed = results.stream().filter(RuleTestResult::passed).count();
        int lines = drl == null ? 1 : (int) drl.chars().filter(c -> c == '\n').count() + 1;
        return portal.render(editor.data("o", o).data("title", portal.zh() ? o.titleZh() : o.titleEn())
                .data("remedy", o.remediation() == null ? new Remediation(null, null, null, null, null, null)
                        : o.remediation())
                .data("drl", drl).data("tests", tests == null ? "" : tests)
                .data("validated", validation != null).data("valid", validation != null && validation.valid())
                .data("messages", messages).data("results", results).data("passed", passed)
                .data("allPassed", passed == results.size())
                .data("errorLines", errorLines).data("lineCount", lines).data("saved", saved)
                .data("revision", revision == null ? "" : revision).data("conflict", conflict), status);
    }

    // ---------------------------------------------------------------- rule sets

    @GET
    @Path("rulesets")
    public Response rulesets(@QueryParam("a") Integer a, @QueryParam("b") Integer b) {
        int active = ruleSets.activeVersion();
        List<RuleSetVersion> all = ruleSets.versions();
        List<Views.VersionRow> rows = all.stream().map(v -> new Views.VersionRow(v.version, v.author, v.comment,
                v.source, WHEN.format(v.createdAt), v.version == active, v.revisions.size())).toList();
        TemplateInstance page = rulesets.data("versions", rows).data("active", active)
                .data("a", a == null ? active : a).data("b", b == null ? all.get(0).version : b).data("diff", false);
        if (a != null && b != null) {
            RuleSetVersion va;
            RuleSetVersion vb;
            try {
                va = ruleSets.version(a);
                vb = ruleSets.version(b);
            } catch (ProblemException e) {
                return notFound(e.getMessage());
            }
            Map<String, ObligationRevision> ra = new LinkedHashMap<>();
            va.revisions.forEach(r -> ra.put(r.obligationId, r));
            Map<String, ObligationRevision> rb = new LinkedHashMap<>();
            vb.revisions.forEach(r -> rb.put(r.obligationId, r));
            List<Views.Entry> added = rb.values().stream().filter(r -> !ra.containsKey(r.obligationId))
                    .map(r -> new Views.Entry(r.obligationId, r.revision)).toList();
            List<Views.Entry> removed = ra.values().stream().filter(r -> !rb.containsKey(r.obligationId))
                    .map(r -> new Views.Entry(r.obligationId, r.revision)).toList();
            List<Views.ChangedObligation> changed = new ArrayList<>();
            for (ObligationRevision x : ra.values()) {
                ObligationRevision y = rb.get(x.obligationId);
                if (y != null && x.revision != y.revision) {
                    changed.add(new Views.ChangedObligation(x.obligationId, x.revision, y.revision,
                            LineDiff.folded(LineDiff.diff(x.drl, y.drl), 3)));
                }
            }
            page.data("diff", true).data("added", added).data("removed", removed).data("changed", changed);
        }
        return portal.render(page, 200);
    }

    @POST
    @Path("rulesets/{version}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("admin")
    public Response activate(@PathParam("version") int version, @RestForm String csrf) {
        portal.checkCsrf(csrf);
        try {
            ruleSets.activate(version, portal.user());
        } catch (ProblemException e) {
            return notFound(e.getMessage());
        }
        return Response.seeOther(URI.create("/rulesets")).build();
    }

    // ---------------------------------------------------------------- login

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error) {
        return portal.render(login.data("error", error != null), 200);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@RestForm String csrf) {
        portal.checkCsrf(csrf);
        return Response.seeOther(URI.create("/"))
                .cookie(new NewCookie.Builder("quarkus-credential").value("").path("/").maxAge(0).build())
                .build();
    }
}
