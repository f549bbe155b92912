package dev.policygate.rules.sandbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one evaluation's rule code may spend: steps, wall-clock time and allocated bytes. The
 * {@link BudgetInstrumenter} makes every method entry and loop back-edge of verified rule code call {@link #step()},
 * and routes the few JDK calls whose cost is not linear in their arguments through the guards below, so that a rule
 * that computes or allocates without bound stops itself with {@link RuleBudgetExceeded} within its limits: the worker
 * thread comes back at once and no other evaluation is affected.
 *
 * <p>A budget is bound to the thread that runs the rules ({@link #run}); rule code that runs with none bound fails
 * at once, so there is no path on which rule code runs unmetered.
 */
public final class RuleBudget {
    /** The clock is read every this many steps (a read costs about 20 ns, a step a few). */
    private static final int CHECK_EVERY = 16;
    private static final ThreadLocal<RuleBudget> CURRENT = new ThreadLocal<>();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public record Limits(long steps, Duration time, long allocatedBytes) {
        public Limits {
            if (steps <= 0 || time.isNegative() || time.isZero() || allocatedBytes <= 0) {
                throw new IllegalArgumentException("budget limits must be positive");
            }
        }
    }

    private final Limits limits;
    private final long deadline;
    private final long allocationStart;
    private long steps;
    private RuleBudgetExceeded spent;

    private RuleBudget(Limits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.time().toNanos();
        this.allocationStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Runs {@code work} (which runs rule code) with a fresh budget bound to this thread; returns what it spent. */
    public static <T> Spent<T> run(Limits limits, Supplier<T> work) {
        RuleBudget outer = CURRENT.get();
        RuleBudget b = new RuleBudget(limits);
        CURRENT.set(b);
        try {
            T value = work.get();
            return new Spent<>(value, b.steps, THREADS.getCurrentThreadAllocatedBytes() - b.allocationStart, b.spent);
        } catch (RuntimeException | Error e) {
            // the engine may wrap what rule code threw; a spent budget is the reason, whatever the wrapping
            if (b.spent != null) {
                throw b.spent;
            }
            throw e;
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The result of {@link #run}: the value, the steps taken, the bytes allocated, and the exhaustion if rule code swallowed it. */
    public record Spent<T>(T value, long steps, long allocatedBytes, RuleBudgetExceeded exhausted) {
    }

    /** Called by instrumented rule code at every method entry and loop back-edge. */
    public static void step() {
        RuleBudget b = CURRENT.get();
        if (b == null) {
            throw new RuleBudgetExceeded(RuleBudgetExceeded.Kind.OUTSIDE_EVALUATION,
                    "rule code ran outside an evaluation");
        }
        b.charge(1);
    }

    private void charge(long n) {
        if (spent != null) {
            throw spent; // sticky: once spent, every further step of rule code fails again
        }
        long before = steps;
        steps += n;
        if (steps > limits.steps()) {
            throw exhaust(RuleBudgetExceeded.Kind.STEPS, "a rule exceeded its budget of " + limits.steps() + " steps");
        }
        // allocation at every step: one step can double a string, so checking only now and then would let it grow
        // by 2^CHECK_EVERY in between
        if (THREADS.getCurrentThreadAllocatedBytes() - allocationStart > limits.allocatedBytes()) {
            throw exhaust(RuleBudgetExceeded.Kind.MEMORY, "a rule allocated more than "
                    + limits.allocatedBytes() / (1024 * 1024) + " MB");
        }
        if ((n > 1 || before / CHECK_EVERY != steps / CHECK_EVERY) && System.nanoTime() - deadline > 0) {
            throw exhaust(RuleBudgetExceeded.Kind.TIME,
                    "a rule exceeded the time limit of " + limits.time().toMillis() + " ms");
        }
    }

    private RuleBudgetExceeded exhaust(RuleBudgetExceeded.Kind kind, String message) {
        spent = new RuleBudgetExceeded(kind, message);
        return spent;
    }

    private static RuleBudget current() {
        RuleBudget b = CURRENT.get();
        if (b == null) {
            throw new RuleBudgetExceeded(RuleBudgetExceeded.Kind.OUTSIDE_EVALUATION,
                    "rule code ran outside an evaluation");
        }
        return b;
    }

    // ---- guards: the instrumenter replaces calls of these JDK members by calls of the methods below ----

    /** Before {@code newarray}/{@code anewarray}: an array is allocated at once, so its size is charged first. */
    public static int arrayLength(int length) {
        RuleBudget b = current();
        if (length > 0) {
            long bytes = 16L + 8L * length;
            if (THREADS.getCurrentThreadAllocatedBytes() - b.allocationStart + bytes > b.limits.allocatedBytes()) {
                throw b.exhaust(RuleBudgetExceeded.Kind.MEMORY, "a rule allocated more than "
                        + b.limits.allocatedBytes() / (1024 * 1024) + " MB (an array of " + length + ")");
            }
            b.charge(1 + length / 64);
        }
        return length;
    }

    /** {@code String.indexOf/contains/...(String)} compare naively: up to length × needle length characters. */
    private static void chargeSearch(CharSequence haystack, CharSequence needle) {
        long cost = 1 + (long) haystack.length() * Math.max(1, needle.length()) / 32;
        current().charge(cost);
    }

    public static boolean contains(String s, CharSequence needle) {
        chargeSearch(s, needle);
        return s.contains(needle);
    }

    public static int indexOf(String s, String needle) {
        chargeSearch(s, needle);
        return s.indexOf(needle);
    }

    public static int indexOf(String s, String needle, int from) {
        chargeSearch(s, needle);
        return s.indexOf(needle, from);
    }

    public static int lastIndexOf(String s, String needle) {
        chargeSearch(s, needle);
        return s.lastIndexOf(needle);
    }

    public static String replace(String s, CharSequence target, CharSequence replacement) {
        chargeSearch(s, target);
        current().charge(1 + (long) s.length() * Math.max(1, replacement.length()) / 32);
        return s.replace(target, replacement);
    }

    /** Regular expressions read their input through a view that charges a step per character read, so a
     *  catastrophically backtracking pattern stops at the budget instead of computing for hours. */
    public static Matcher matcher(Pattern p, CharSequence input) {
        current().charge(1 + p.pattern().length() / 16);
        return p.matcher(new MeteredChars(input));
    }

    public static boolean matches(String s, String regex) {
        return matcher(Pattern.compile(regex), s).matches();
    }

    public static boolean matches(String regex, CharSequence input) {
        return matcher(Pattern.compile(regex), input).matches();
    }

    private record MeteredChars(CharSequence text) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            step();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            current().charge(1 + (end - start) / 64);
            return new MeteredChars(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            current().charge(1 + text.length() / 64);
            return text.toString();
        }
    }
}
