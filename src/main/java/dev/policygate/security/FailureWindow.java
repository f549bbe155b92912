package dev.policygate.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failures per key (a user name or a client address) in a sliding window: once {@code limit} failures fall
 * within {@code window}, the key is blocked until the oldest of them leaves it. At most {@code maxKeys} keys are
 * kept (the least recently touched is forgotten first), so a flood of new names cannot exhaust memory.
 */
final class FailureWindow {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures;

    FailureWindow(int limit, Duration window, int maxKeys, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long the key is still blocked; empty if it may try now. */
    synchronized Optional<Duration> blockedFor(String key) {
        Deque<Instant> times = recent(key);
        if (times == null || times.size() < limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), times.peekFirst().plus(window));
        return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
    }

    synchronized void recordFailure(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(clock.instant());
        while (times.size() > limit) {
            times.removeFirst();
        }
    }

    synchronized void reset(String key) {
        failures.remove(key);
    }

    private Deque<Instant> recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return null;
        }
        Instant since = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
        }
        return times;
    }
}
