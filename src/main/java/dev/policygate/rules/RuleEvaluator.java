package dev.policygate.rules;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Finding;
import dev.policygate.facts.Status;
import dev.policygate.rules.sandbox.RuleBudget;
import dev.policygate.rules.sandbox.RuleBudgetExceeded;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Evaluates facts against a compiled rule set: a new KieSession per evaluation, facts inserted in text order
 * (see {@link #FACT_ORDER}), {@code fireAllRules} with a firing limit, on a bounded pool of worker threads with a time limit.
 * The caller never waits longer than the time limit: on time-out the session is halted, the worker is
 * interrupted and a {@link RuleExecutionException} is thrown. (A consequence that spins without ever
 * returning to the engine cannot be stopped by Java; its worker thread stays busy, the caller still returns,
 * and the pool grows by a thread until it is back: see {@link #workerStuck()}.) A rule that exhausts the stack
 * or the memory fails its evaluation the same way, with the session disposed and the worker reusable.
 *
 * <p>Findings inserted by the rules are collected in insertion order; findings of one obligation that agree
 * are merged (first rationale, union of citations sorted by offset, union of looked-in paths); anything else —
 * an obligation without a finding, conflicting statuses, a finding for an unknown obligation, NOT_APPLICABLE
 * from a non-conditional obligation — is a {@link RuleSetDefectException}. Deterministic: the same facts, in
 * whatever order, and the same rule set give the same evaluation.
 */
public final class RuleEvaluator implements AutoCloseable {
    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);
    /** Steps of rule code (method entries, loop iterations, characters a regular expression reads) per evaluation. */
    public static final long DEFAULT_MAX_STEPS = 10_000_000L;
    /** Bytes the evaluating thread may allocate per evaluation (the engine's own allocations included). */
    public static final long DEFAULT_MAX_ALLOCATION = 128L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(RuleEvaluator.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int QUEUED = 0, RUNNING = 1, FINISHED = 2, ABANDONED = 3;
    static final int MAX_STUCK_PER_THREAD = 4;
    private static final long GRACE_MILLIS = 250;
    /** How long an evaluation may wait for a worker before it fails as overloaded (the queue is bounded too). */
    static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(30);

    private final int maxFirings;
    private final Duration timeout;
    private final RuleBudget.Limits budget;
    private final int threads;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger stuck = new AtomicInteger();

    /** 10 000 firings, 2 s, one worker per core, at most 64 waiting evaluations. */
    public RuleEvaluator() {
        this(DEFAULT_MAX_FIRINGS, DEFAULT_TIMEOUT, Runtime.getRuntime().availableProcessors(), 64);
    }

    public RuleEvaluator(int maxFirings, Duration timeout, int threads, int queueCapacity) {
        this(maxFirings, timeout, DEFAULT_MAX_STEPS, DEFAULT_MAX_ALLOCATION, threads, queueCapacity);
    }

    /**
     * @param maxSteps      steps of rule code per evaluation (see {@link RuleBudget})
     * @param maxAllocation bytes the worker may allocate per evaluation
     */
    public RuleEvaluator(int maxFirings, Duration timeout, long maxSteps, long maxAllocation, int threads,
                         int queueCapacity) {
        if (maxFirings <= 0 || timeout.isNegative() || timeout.isZero() || threads <= 0 || queueCapacity <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxFirings = maxFirings;
        this.timeout = timeout;
        this.budget = new RuleBudget.Limits(maxSteps, timeout, maxAllocation);
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "rule-evaluator-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    public int maxFirings() {
        return maxFirings;
    }

    public Duration timeout() {
        return timeout;
    }

    public Evaluation evaluate(CompiledRuleSet rs, List<? extends Fact> facts) {
        Objects.requireNonNull(rs, "rule set");
        Objects.requireNonNull(facts, "facts");
        long t0 = System.nanoTime();
        AtomicReference<KieSession> session = new AtomicReference<>();
        AtomicInteger state = new AtomicInteger(QUEUED);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicLong cpuAtStart = new AtomicLong();
        Future<Fired> future;
        try {
            future = pool.submit(() -> {
                if (!state.compareAndSet(QUEUED, RUNNING)) {
                    return null; // abandoned by a caller that timed out before it started
                }
                cpuAtStart.set(cpuNanos(Thread.currentThread()));
                worker.set(Thread.currentThread());
                started.countDown();
                try {
                    return metered(rs, facts, session);
                } catch (RuleExecutionException e) {
                    if (e.reason() != RuleExecutionException.Reason.TIME_LIMIT) {
                        throw e;
                    }
                    throw timeLimit(e.getMessage(), e.getCause(),
                            spent(cpuAtStart.get(), cpuNanos(Thread.currentThread())));
                } finally {
                    if (!state.compareAndSet(RUNNING, FINISHED)) {
                        workerReturned();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            throw new RuleExecutionException(RuleExecutionException.Reason.OVERLOADED,
                    "rule evaluator overloaded: " + pool.getQueue().size() + " evaluations waiting", e);
        }
        Fired fired;
        try {
            // the time limit bounds the rules, so it counts from when a worker starts them; waiting for a worker
            // (other evaluations ahead in the queue) is bounded on its own
            if (!started.await(MAX_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    && state.compareAndSet(QUEUED, ABANDONED)) {
                throw new RuleExecutionException(RuleExecutionException.Reason.OVERLOADED, "rule evaluator overloaded: "
                        + "no worker free within " + MAX_QUEUE_WAIT.toSeconds() + " s", null);
            }
            // a little grace beyond the limit: the rules' own budget stops them at the limit and reports why
            fired = future.get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Thread w = worker.get();
            long cpu = w == null ? 0 : spent(cpuAtStart.get(), cpuNanos(w));
            KieSession s = session.get();
            if (s != null) {
                s.halt();
            }
            future.cancel(true);
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                workerStuck();
            } else {
                state.compareAndSet(QUEUED, ABANDONED);
            }
            throw timeLimit("evaluation exceeded " + timeout.toMillis() + " ms", e, cpu);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RuleExecutionException(RuleExecutionException.Reason.INTERRUPTED, "evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuleExecutionException re) {
                throw re;
            }
            Error exhausted = exhausted(c);
            if (exhausted != null) {
                throw outOfResources(exhausted);
            }
            throw new RuleExecutionException(RuleExecutionException.Reason.RULE_ERROR,
                    "a rule failed: " + describe(c), c);
        }
        List<EvaluatedFinding> findings = collect(rs, fired.findings());
        return new Evaluation(findings, fired.firings(), fired.steps(), (System.nanoTime() - t0) / 1000);
    }

    /** CPU time of a thread in ns, or -1 where the JVM cannot tell. */
    private static long cpuNanos(Thread t) {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
            return -1;
        }
        return t == Thread.currentThread() ? THREADS.getCurrentThreadCpuTime() : THREADS.getThreadCpuTime(t.getId());
    }

    private static long spent(long from, long to) {
        return from < 0 || to < 0 ? -1 : to - from;
    }

    /**
     * A time limit reached while the rules got less than half of it in CPU was the load's doing (other evaluations
     * or programs had the cores), not the input's or the rules': the same request can succeed later. Rules that
     * use up the time themselves stay the rules' fault (with the default step budget they hit it first).
     */
    private RuleExecutionException timeLimit(String message, Throwable cause, long cpuNanos) {
        boolean load = cpuNanos >= 0 && cpuNanos < timeout.toNanos() / 2;
        if (!load) {
            return new RuleExecutionException(RuleExecutionException.Reason.TIME_LIMIT, message, cause, false);
        }
        return new RuleExecutionException(RuleExecutionException.Reason.TIME_LIMIT, message + " while the rules got "
                + cpuNanos / 1_000_000 + " ms of CPU: the service is overloaded", cause, true);
    }

    private record Fired(List<Finding> findings, int firings, long steps) {
        Fired withSteps(long n) {
            return new Fired(findings, firings, n);
        }
    }

    /**
     * Runs the rules under this evaluation's {@link RuleBudget}: rule code that computes or allocates past it stops
     * itself, so the worker comes back within the time limit. A budget that was spent counts even when the engine
     * (or the rule) swallowed the error.
     */
    private Fired metered(CompiledRuleSet rs, List<? extends Fact> facts, AtomicReference<KieSession> holder) {
        RuleBudget.Spent<Fired> spent;
        try {
            spent = RuleBudget.run(budget, () -> fire(rs, facts, holder));
        } catch (RuleBudgetExceeded e) {
            throw budgetSpent(e);
        }
        if (spent.exhausted() != null) {
            throw budgetSpent(spent.exhausted());
        }
        return spent.value().withSteps(spent.steps());
    }

    private static RuleExecutionException budgetSpent(RuleBudgetExceeded e) {
        RuleExecutionException.Reason reason = switch (e.kind()) {
            case TIME -> RuleExecutionException.Reason.TIME_LIMIT;
            case MEMORY -> RuleExecutionException.Reason.RESOURCE_LIMIT;
            default -> RuleExecutionException.Reason.STEP_LIMIT;
        };
        return new RuleExecutionException(reason, e.getMessage() + "; the evaluation was stopped", e);
    }

    private Fired fire(CompiledRuleSet rs, List<? extends Fact> facts, AtomicReference<KieSession> holder) {
        KieSession s = rs.kieBase().newKieSession();
        holder.set(s);
        try {
            List<Finding> inserted = new ArrayList<>();
            s.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getObject() instanceof Finding f) {
                        inserted.add(f);
                    }
                }

                @Override
                public void objectUpdated(ObjectUpdatedEvent event) {
                    if (event.getOldObject() instanceof Finding old) {
                        int i = indexOfIdentity(inserted, old);
                        if (i >= 0) {
                            inserted.remove(i);
                        }
                    }
                    if (event.getObject() instanceof Finding f) {
                        inserted.add(f);
                    }
                }

                @Override
                public void objectDeleted(ObjectDeletedEvent event) {
                    if (event.getOldObject() instanceof Finding old) {
                        int i = indexOfIdentity(inserted, old);
                        if (i >= 0) {
                            inserted.remove(i);
                        }
                    }
                }
            });
            List<Fact> ordered = new ArrayList<>(facts.size());
            for (Fact f : facts) {
                if (f == null) {
                    throw new IllegalArgumentException("null fact");
                }
                ordered.add(f);
            }
            ordered.sort(FACT_ORDER);
            for (Fact f : ordered) {
                s.insert(f);
            }
            int n;
            try {
                n = s.fireAllRules(maxFirings + 1);
            } catch (RuntimeException | Error e) {
                RuleBudgetExceeded spent = budgetError(e);
                if (spent != null) {
                    throw spent;
                }
                Error exhausted = exhausted(e);
                if (exhausted == null) {
                    throw e;
                }
                // the stack has unwound and the failed allocation freed nothing: the worker can go on serving,
                // the session (and whatever the rule allocated) is dropped below
                throw outOfResources(exhausted);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new RuleExecutionException(RuleExecutionException.Reason.TIME_LIMIT,
                        "evaluation exceeded " + timeout.toMillis() + " ms", null);
            }
            if (n > maxFirings) {
                throw new RuleExecutionException(RuleExecutionException.Reason.FIRING_LIMIT,
                        "rule set exceeded " + maxFirings + " firings", null);
            }
            return new Fired(List.copyOf(inserted), n, 0);
        } finally {
            try {
                s.dispose();
            } catch (RuntimeException | Error e) {
                // a session broken by the failure above: it is garbage either way, keep the first error
            }
        }
    }

    /** The budget's error in a chain of causes (the engine wraps what rule code threw). */
    private static RuleBudgetExceeded budgetError(Throwable t) {
        for (int i = 0; t != null && i < 20; i++, t = t.getCause()) {
            if (t instanceof RuleBudgetExceeded b) {
                return b;
            }
        }
        return null;
    }

    /** The StackOverflowError or OutOfMemoryError in a chain of causes (Drools may wrap what a consequence threw). */
    private static Error exhausted(Throwable t) {
        for (int i = 0; t != null && i < 20; i++, t = t.getCause()) {
            if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
                return (Error) t;
            }
        }
        return null;
    }

    private static RuleExecutionException outOfResources(Error e) {
        String what = e instanceof StackOverflowError ? "the stack (StackOverflowError)"
                : "the memory (OutOfMemoryError: " + e.getMessage() + ")";
        return new RuleExecutionException(RuleExecutionException.Reason.RESOURCE_LIMIT,
                "a rule exhausted " + what + "; the evaluation was stopped", e);
    }

    /**
     * A timed-out evaluation whose worker did not come back: halt() only acts between firings and interrupt()
     * only on blocking calls, so a consequence that computes for long keeps its thread (Java cannot stop it).
     * The pool gets one more thread for as long as that worker is away, so stuck workers never exhaust it.
     * Residual risk, for a rule that passes the sandbox (no loops, no recursion) yet computes for very long,
     * e.g. nested for-each over huge collections: it burns a core until it ends, and after
     * {@link #MAX_STUCK_PER_THREAD} such workers per thread the pool stops growing (and they are logged).
     */
    private synchronized void workerStuck() {
        int n = stuck.incrementAndGet();
        int size = threads + Math.min(n, threads * MAX_STUCK_PER_THREAD);
        pool.setMaximumPoolSize(size);
        pool.setCorePoolSize(size);
        LOG.log(System.Logger.Level.WARNING, "a rule worker is still busy after the time limit of {0} ms "
                + "({1} stuck); {2} workers now", timeout.toMillis(), n, size);
    }

    private synchronized void workerReturned() {
        int n = stuck.decrementAndGet();
        int size = threads + Math.min(n, threads * MAX_STUCK_PER_THREAD);
        pool.setCorePoolSize(size);
        pool.setMaximumPoolSize(size);
        LOG.log(System.Logger.Level.INFO, "a stuck rule worker returned ({0} still stuck)", n);
    }

    /** Workers still busy with an evaluation that timed out (see {@link #workerStuck()}). */
    /** Evaluations waiting for a worker. */
    public int queueDepth() {
        return pool.getQueue().size();
    }

    public int stuckWorkers() {
        return stuck.get();
    }

    /**
     * Whether so many workers are stuck that the pool no longer replaces them: only a restart gets the cores
     * back (the service's liveness check reports it).
     */
    public boolean workersExhausted() {
        return stuck.get() >= threads * MAX_STUCK_PER_THREAD;
    }

    /**
     * Facts are inserted in text order (first citation), then by type and value, whatever order the caller
     * gives them in: rules that pick "the first" fact and the order of merged findings depend only on the facts.
     */
    static final Comparator<Fact> FACT_ORDER = Comparator.comparingInt(RuleEvaluator::firstStart)
            .thenComparing(f -> f.getClass().getSimpleName())
            .thenComparing(Object::toString);

    private static int firstStart(Fact f) {
        int min = Integer.MAX_VALUE;
        if (f.citations() != null) {
            for (Citation c : f.citations()) {
                if (c != null) {
                    min = Math.min(min, c.start());
                }
            }
        }
        return min;
    }

    private static int indexOfIdentity(List<Finding> list, Finding f) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == f) {
                return i;
            }
        }
        return -1;
    }

    static List<EvaluatedFinding> collect(CompiledRuleSet rs, List<Finding> inserted) {
        Map<String, List<Finding>> byId = new LinkedHashMap<>();
        List<RuleSetDefect> defects = new ArrayList<>();
        for (Finding f : inserted) {
            String id = f.obligationId();
            if (id == null || rs.obligation(id) == null) {
                defects.add(new RuleSetDefect(String.valueOf(id), RuleSetDefect.Kind.UNKNOWN_OBLIGATION,
                        "a rule produced a finding for an obligation that is not in the rule set"));
                continue;
            }
            if (f.status() == null) {
                defects.add(new RuleSetDefect(id, RuleSetDefect.Kind.INVALID_FINDING, "a finding has no status"));
                continue;
            }
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
        }
        Map<String, Finding> merged = new LinkedHashMap<>();
        Map<String, Finding> bySubject = new LinkedHashMap<>();
        for (Obligation o : rs.obligations()) {
            List<Finding> fs = byId.get(o.id());
            if (fs == null || fs.isEmpty()) {
                defects.add(new RuleSetDefect(o.id(), RuleSetDefect.Kind.MISSING_FINDING,
                        "no rule produced a finding for these facts"));
                continue;
            }
            // findings with a subject are one per subject; the statuses must agree within each
            Map<String, List<Finding>> groups = new java.util.TreeMap<>();
            fs.forEach(f -> groups.computeIfAbsent(f.subject() == null ? "" : f.subject(), k -> new ArrayList<>()).add(f));
            for (Map.Entry<String, List<Finding>> g : groups.entrySet()) {
                LinkedHashSet<Status> statuses = new LinkedHashSet<>();
                g.getValue().forEach(f -> statuses.add(f.status()));
                if (statuses.size() > 1) {
                    defects.add(new RuleSetDefect(o.id(), RuleSetDefect.Kind.CONFLICTING_FINDINGS,
                            "conflicting statuses " + statuses + " for the same facts"
                                    + (g.getKey().isEmpty() ? "" : " (subject " + g.getKey() + ")")));
                    continue;
                }
                Status status = statuses.iterator().next();
                if (status == Status.NOT_APPLICABLE && !o.conditional()) {
                    defects.add(new RuleSetDefect(o.id(), RuleSetDefect.Kind.NOT_APPLICABLE_NOT_CONDITIONAL,
                            "NOT_APPLICABLE from an obligation that is not conditional"));
                    continue;
                }
                Finding m = merge(g.getValue());
                merged.putIfAbsent(o.id(), m);
                bySubject.put(o.id() + "\u0000" + g.getKey(), m);
            }
        }
        if (!defects.isEmpty()) {
            throw new RuleSetDefectException(defects, merged);
        }
        List<EvaluatedFinding> out = new ArrayList<>();
        for (Obligation o : rs.obligations()) {
            for (Map.Entry<String, Finding> e : bySubject.entrySet()) {
                if (!e.getKey().startsWith(o.id() + "\u0000")) {
                    continue;
                }
                Finding f = e.getValue();
                out.add(new EvaluatedFinding(o.id(), o.titleZh(), o.titleEn(), o.area(), o.severity(), o.conditional(),
                        o.legalBasis(), f.status(), f.rationaleZh(), f.rationaleEn(), f.citations(), f.lookedIn(),
                        f.subject()));
            }
        }
        return out;
    }

    private static Finding merge(List<Finding> fs) {
        Finding first = fs.get(0);
        if (fs.size() == 1 && sorted(first.citations())) {
            return first;
        }
        LinkedHashSet<Citation> cites = new LinkedHashSet<>();
        LinkedHashSet<String> looked = new LinkedHashSet<>();
        for (Finding f : fs) {
            cites.addAll(f.citations());
            looked.addAll(f.lookedIn());
        }
        List<Citation> c = new ArrayList<>(cites);
        c.sort(CITATION_ORDER);
        return new Finding(first.obligationId(), first.status(), first.rationaleZh(), first.rationaleEn(), c,
                new ArrayList<>(looked), first.subject());
    }

    private static final Comparator<Citation> CITATION_ORDER = Comparator.comparingInt(Citation::start)
            .thenComparingInt(Citation::end)
            .thenComparing(c -> c.section() == null ? "" : c.section())
            .thenComparing(c -> c.quote() == null ? "" : c.quote());

    private static boolean sorted(List<Citation> cs) {
        for (int i = 1; i < cs.size(); i++) {
            if (CITATION_ORDER.compare(cs.get(i - 1), cs.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        while (t != null) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            t = t.getCause() == t ? null : t.getCause();
        }
        return b.toString();
    }

    /** Lets evaluations already started or queued finish (a graceful stop), within one time limit. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
