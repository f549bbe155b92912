package dev.policygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sliding windows of failed logins, on a clock the test moves. */
class LoginThrottleTest {
    /** A clock that only moves when told. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aKeyIsBlockedAfterTheLimitUntilItsOldestFailureLeavesTheWindow() {
        ManualClock clock = new ManualClock();
        FailureWindow w = new FailureWindow(3, Duration.ofMinutes(10), 100, clock);
        w.recordFailure("mallory");
        clock.advance(Duration.ofMinutes(2));
        w.recordFailure("mallory");
        w.recordFailure("mallory");
        assertEquals(Optional.of(Duration.ofMinutes(8)), w.blockedFor("mallory"));
        assertEquals(Optional.empty(), w.blockedFor("alice"), "other keys are not affected");
        clock.advance(Duration.ofMinutes(8));
        assertEquals(Optional.empty(), w.blockedFor("mallory"), "the first failure left the window");
        w.recordFailure("mallory");
        assertEquals(Optional.of(Duration.ofMinutes(2)), w.blockedFor("mallory"));
        w.reset("mallory");
        assertEquals(Optional.empty(), w.blockedFor("mallory"));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        ManualClock clock = new ManualClock();
        FailureWindow w = new FailureWindow(3, Duration.ofMinutes(10), 100, clock);
        for (int i = 0; i < 10; i++) {
            w.recordFailure("slow");
            clock.advance(Duration.ofMinutes(6));
            assertEquals(Optional.empty(), w.blockedFor("slow"), "failure " + i);
        }
    }

    @Test
    void atMostMaxKeysAreKept() {
        ManualClock clock = new ManualClock();
        FailureWindow w = new FailureWindow(1, Duration.ofMinutes(10), 2, clock);
        w.recordFailure("a");
        w.recordFailure("b");
        w.recordFailure("c");
        assertEquals(Optional.empty(), w.blockedFor("a"), "the least recently touched key was forgotten");
        assertTrue(w.blockedFor("b").isPresent());
        assertTrue(w.blockedFor("c").isPresent());
    }

    @Test
    void anAddressIsBlockedAcrossUserNamesAndASuccessClearsOnlyTheUser() {
        LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(10), 100);
        for (int i = 0; i < 5; i++) {
            throttle.check("user" + i, "10.1.2.3");
            throttle.failed("user" + i, "10.1.2.3");
        }
        LoginThrottledException e = assertThrows(LoginThrottledException.class, () -> throttle.check("new", "10.1.2.3"));
        assertTrue(e.getMessage().contains("address"), e.getMessage());
        assertEquals(600, e.retryAfterSeconds());
        throttle.check("new", "10.9.9.9");

        throttle.failed("bob", "10.9.9.9");
        throttle.failed("bob", "10.9.9.9");
        throttle.succeeded("bob");
        throttle.failed("bob", "10.9.9.9");
        throttle.failed("bob", "10.9.9.9");
        throttle.check("bob", "10.9.9.9");
        throttle.failed("bob", "10.9.9.9");
        assertThrows(LoginThrottledException.class, () -> throttle.check("bob", "10.9.9.9"));
    }
}
