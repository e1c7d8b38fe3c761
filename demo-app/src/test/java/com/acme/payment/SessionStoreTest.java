package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final SessionStore sessions = new SessionStore(clock, IDLE_TIMEOUT);

    @Test
    void countsCheckoutsWithinASession() {
        assertEquals(1, sessions.recordCheckout("ann"));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(2, sessions.recordCheckout("ann"));
        assertEquals(1, sessions.recordCheckout("bob"));
    }

    @Test
    void sweeperRemovesSessionsIdleForTheTimeoutAndKeepsActiveOnes() {
        sessions.recordCheckout("ann");
        sessions.recordCheckout("bob");
        clock.advance(Duration.ofSeconds(20));
        sessions.recordCheckout("bob");
        clock.advance(Duration.ofSeconds(10));

        assertEquals(1, sessions.sweepExpired());
        assertEquals(1, sessions.size());
        assertEquals(3, sessions.recordCheckout("bob"));
    }

    @Test
    void staysBoundedUnderConstantChurnOfNewCustomers() {
        for (int second = 0; second < 600; second++) {
            for (int i = 0; i < 100; i++) {
                sessions.recordCheckout("customer-" + second + "-" + i);
            }
            clock.advance(Duration.ofSeconds(1));
            if (second % 5 == 0) {
                sessions.sweepExpired();
            }
        }
        // 30 s of idle timeout plus at most 5 s until the next sweep, at 100 new customers a second.
        assertTrue(sessions.size() <= 3_500, "sessions held: " + sessions.size());
    }

    @Test
    void anExpiredSessionNotYetSweptStartsAgainFromOne() {
        sessions.recordCheckout("ann");
        sessions.recordCheckout("ann");
        clock.advance(IDLE_TIMEOUT);
        assertEquals(1, sessions.recordCheckout("ann"));
    }
}
