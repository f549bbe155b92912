package dev.policygate.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.api.ProblemException;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.RuleCompiler;
import dev.policygate.rules.RulePack;
import dev.policygate.score.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Rule sets in the database: immutable numbered versions of obligation revisions, which one is active, and
 * the compiled KieBase of each version (compiled once, cached, least recently used evicted).
 */
@ApplicationScoped
public class RuleSetService {
    private static final Logger LOG = Logger.getLogger(RuleSetService.class);
    private static final int CACHED_VERSIONS = 8;
    private static final int WARM_UP_EVALUATIONS = 5;

    @Inject
    ObjectMapper json;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;
    @Inject
    dev.policygate.rules.RuleEvaluator evaluator;
    @Inject
    AuditLog audit;

    /** The active version as last read from the database, for the metrics gauge. */
    private final java.util.concurrent.atomic.AtomicInteger lastActiveVersion = new java.util.concurrent.atomic.AtomicInteger();

    @jakarta.annotation.PostConstruct
    void registerGauge() {
        metrics.gauge("policygate.ruleset.active.version", lastActiveVersion);
    }

    /** Sorted keys and properties, so that equal content always hashes alike across JVM runs. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private final RuleCompiler compiler = new RuleCompiler();
    private final Map<Integer, Object> compileLocks = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, CompiledRuleSet> compiledCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, CompiledRuleSet> eldest) {
            return size() > CACHED_VERSIONS;
        }
    };

    /** The activation this replica evaluates with; it only moves forward (to newer activations). */
    private record Active(long activationId, int version) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Active> active = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The version this replica evaluates with: the newest activation it has seen and compiled. Replicas see
     * activations made elsewhere through {@link #refreshActive()}, which a poller calls every second.
     */
    public int activeVersion() {
        Active a = active.get();
        return a != null ? a.version() : refreshActive();
    }

    /** Reads the newest activation; compiles (and warms) its version before this replica switches to it. */
    public int refreshActive() {
        RuleSetActivation latest = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(RuleSetActivation::latest);
        if (latest == null) {
            throw new ProblemException(503, "No active rule set", "No rule set version has been activated yet.");
        }
        Active current = active.get();
        if (current == null || latest.id > current.activationId()) {
            compiled(latest.ruleSetVersion);
            Active next = new Active(latest.id, latest.ruleSetVersion);
            active.accumulateAndGet(next, (old, candidate) ->
                    old == null || candidate.activationId() > old.activationId() ? candidate : old);
        }
        int version = active.get().version();
        lastActiveVersion.set(version);
        return version;
    }

    /** Compiles the newest version ahead of its activation, so that switching to it is immediate. */
    public void precompileLatest() {
        RuleSetVersion latest = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(RuleSetVersion::latest);
        if (latest != null) {
            compiled(latest.version);
        }
    }

    /** Whether a version has been active at some time: only such versions serve the public. */
    @Transactional
    public boolean everActivated(int version) {
        return RuleSetActivation.count("ruleSetVersion", version) > 0;
    }

    @Transactional
    public RuleSetVersion version(int version) {
        RuleSetVersion v = RuleSetVersion.findById(version);
        if (v == null) {
            throw ProblemException.notFound("Rule set version " + version + " does not exist.");
        }
        v.revisions.size();
        return v;
    }

    @Transactional
    public List<RuleSetVersion> versions() {
        List<RuleSetVersion> all = RuleSetVersion.list("order by version desc");
        all.forEach(v -> v.revisions.size());
        return all;
    }

    /** The compiled rule set of a version, compiling it once on first use (one compilation per version). */
    public CompiledRuleSet compiled(int version) {
        synchronized (compileLocks.computeIfAbsent(version, k -> new Object())) {
            synchronized (compiledCache) {
                CompiledRuleSet cached = compiledCache.get(version);
                if (cached != null) {
                    return cached;
                }
            }
            RuleSetVersion v = version(version);
            CompiledRuleSet compiled = metrics.timer("policygate.rules.compile.duration")
                    .record(() -> compiler.compile(obligationsOf(v), scoringOf(v)));
            warmUp(compiled);
            synchronized (compiledCache) {
                compiledCache.put(version, compiled);
            }
            return compiled;
        }
    }

    /** Whether this replica holds the compiled rule set of a version (switching to it is then immediate). */
    public boolean isCompiled(int version) {
        synchronized (compiledCache) {
            return compiledCache.containsKey(version);
        }
    }

    /**
     * Evaluations of the sample policy build Drools' lazy structures and let the JIT compile this version's rules,
     * so the first real request is not the slow one; a replica switches to a new version only after this.
     */
    private void warmUp(CompiledRuleSet compiled) {
        try {
            for (int i = 0; i < WARM_UP_EVALUATIONS; i++) {
                evaluator.evaluate(compiled, dev.policygate.assess.SamplePolicy.facts());
            }
        } catch (RuntimeException e) {
            LOG.debugf("warm-up evaluation failed: %s", e.getMessage());
        }
    }

    public List<Obligation> obligationsOf(RuleSetVersion v) {
        return v.revisions.stream().map(ObligationRevision::toObligation).toList();
    }

    public ScoringConfig scoringOf(RuleSetVersion v) {
        try {
            return json.readValue(v.scoringConfig, ScoringConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scoring configuration of version " + v.version + " is corrupt", e);
        }
    }

    /**
     * Stores the pack from disk as a new version unless a version with the same content exists already;
     * returns the version that holds it.
     */
    @Transactional
    // compiling the packs (in createVersion) takes tens of seconds on a busy cold JVM: more than the default timeout
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 600)
    public RuleSetVersion storePack(RulePack pack, boolean activate) {
        String sha = sha256Of(pack.obligations(), pack.scoring());
        RuleSetVersion existing = RuleSetVersion.withSha(sha);
        if (existing != null) {
            if (RuleSetActivation.latest() == null) {
                recordActivation(existing.version, "system");
            }
            return existing;
        }
        boolean first = RuleSetVersion.count() == 0;
        RuleSetVersion created = createVersion(pack.obligations(), pack.scoring(), "system",
                first ? "Obligation packs from rules/" : "Obligation packs on disk changed", RuleSetVersion.Source.DISK);
        if (first || activate) {
            recordActivation(created.version, "system");
        }
        LOG.infof("Stored rule packs from disk as rule-set version %d (%d obligations)", created.version,
                pack.obligations().size());
        return created;
    }

    /**
     * Compiles {@code obligations} and stores them as a new version; nothing is stored if they do not compile.
     */
    public RuleSetVersion createVersion(List<Obligation> obligations, ScoringConfig scoring, String author,
                                        String comment, RuleSetVersion.Source source) {
        CompiledRuleSet compiled = metrics.timer("policygate.rules.compile.duration")
                .record(() -> compiler.compile(obligations, scoring));
        return store(compiled, author, comment, source);
    }

    /**
     * Stores an already compiled (and checked) rule set as the next version: unchanged obligations keep their
     * revision, changed ones get a new revision. The compiled set is cached for the new version.
     */
    @Transactional
    public RuleSetVersion store(CompiledRuleSet compiled, String author, String comment, RuleSetVersion.Source source) {
        return store(compiled, author, comment, source, null);
    }

    /**
     * As {@link #store(CompiledRuleSet, String, String, RuleSetVersion.Source)}, but only as the successor of
     * version {@code basedOn} (when not null; 0: none yet): the edit was checked against that version, so if another one was
     * stored meanwhile (by another replica) this fails with 412, and the primary key on the version number lets
     * only one of two racing writers of the same successor commit.
     */
    @Transactional
    public RuleSetVersion store(CompiledRuleSet compiled, String author, String comment, RuleSetVersion.Source source,
                                Integer basedOn) {
        List<Obligation> obligations = compiled.obligations();
        RuleSetVersion latest = RuleSetVersion.latest();
        if (basedOn != null && (latest == null ? 0 : latest.version) != basedOn) {
            throw new ProblemException(412, "Precondition failed", "Rule-set version " + (latest == null ? "none"
                    : latest.version) + " was stored while this edit of version " + basedOn
                    + " was checked; read the obligation again and reapply your change. Nothing was stored.");
        }
        RuleSetVersion v = new RuleSetVersion();
        v.version = latest == null ? 1 : latest.version + 1;
        v.sha256 = sha256Of(obligations, compiled.scoring());
        v.scoringConfig = writeJson(compiled.scoring());
        v.author = author;
        v.comment = comment;
        v.source = source.name();
        v.createdAt = now();
        for (Obligation o : obligations) {
            v.revisions.add(revisionFor(o, author));
        }
        v.persist();
        synchronized (compiledCache) {
            compiledCache.put(v.version, compiled);
        }
        return v;
    }

    /** Records the activation (compiling the version first) and switches this replica to it at once. */
    public void activate(int version, String user) {
        compiled(version);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> recordActivation(version, user));
        refreshActive();
    }

    /** Appends the activation and its audit event (before: the previously active version's hash). */
    private void recordActivation(int version, String user) {
        RuleSetActivation previous = RuleSetActivation.latest();
        String before = previous == null ? null : RuleSetVersion.<RuleSetVersion>findById(previous.ruleSetVersion).sha256;
        audit.append(user, "ruleset.activate", "rule-set version " + version, before,
                RuleSetVersion.<RuleSetVersion>findById(version).sha256,
                previous == null ? "first activation" : "was version " + previous.ruleSetVersion);
        RuleSetActivation a = new RuleSetActivation();
        a.ruleSetVersion = version;
        a.activatedBy = user;
        a.activatedAt = now();
        a.persist();
    }

    /** The latest version: its number, its obligations and the revision of each, for editing into the next one. */
    public record Latest(int version, List<Obligation> obligations, Map<String, Integer> revisions) {
    }

    @Transactional
    public Latest latest() {
        RuleSetVersion v = RuleSetVersion.latest();
        if (v == null) {
            return new Latest(0, new ArrayList<>(), Map.of());
        }
        Map<String, Integer> revisions = new LinkedHashMap<>();
        v.revisions.forEach(r -> revisions.put(r.obligationId, r.revision));
        return new Latest(v.version, new ArrayList<>(obligationsOf(v)), revisions);
    }

    /** The obligations of the latest version, for editing into the next one. */
    @Transactional
    public List<Obligation> latestObligations() {
        RuleSetVersion latest = RuleSetVersion.latest();
        return latest == null ? List.of() : new ArrayList<>(obligationsOf(latest));
    }

    @Transactional
    public ScoringConfig latestScoring() {
        return scoringOf(RuleSetVersion.latest());
    }

    /** The newest revision of an obligation in the latest version. */
    @Transactional
    public Optional<Obligation> latestObligation(String id) {
        return latestObligations().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    private ObligationRevision revisionFor(Obligation o, String author) {
        String sha = contentSha256(o);
        ObligationRevision same = ObligationRevision.find("obligationId = ?1 and contentSha256 = ?2 order by revision desc",
                o.id(), sha).firstResult();
        if (same != null) {
            return same;
        }
        ObligationRevision r = ObligationRevision.from(o);
        r.revision = ObligationRevision.latestRevisionNumber(o.id()) + 1;
        r.contentSha256 = sha;
        r.author = author;
        r.createdAt = now();
        r.persist();
        return r;
    }

    String sha256Of(List<Obligation> obligations, ScoringConfig scoring) {
        StringBuilder all = new StringBuilder();
        obligations.stream().sorted(Comparator.comparing(Obligation::id))
                .forEach(o -> all.append(o.id()).append('=').append(contentSha256(o)).append('\n'));
        all.append("scoring=").append(writeJson(scoring));
        return sha256(all.toString());
    }

    String contentSha256(Obligation o) {
        return sha256(writeJson(o));
    }

    private static String writeJson(Object o) {
        try {
            return CANONICAL.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
