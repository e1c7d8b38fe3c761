package com.acme.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps each customer's checkout session until it has been idle for the timeout; a sweeper removes the rest. */
public final class SessionStore {
    private final Clock clock;
    private final Duration idleTimeout;
    private final Map<String, CheckoutSession> sessions = new ConcurrentHashMap<>();

    public SessionStore(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Counts a checkout by {@code customerId} and returns how many its session has seen, this one included. */
    public int recordCheckout(String customerId) {
        Instant now = clock.instant();
        // An expired session that the sweeper has not reached yet must not lend its count to a new visit.
        CheckoutSession session = sessions.compute(customerId, (id, current) ->
                current == null || current.isExpired(now, idleTimeout) ? CheckoutSession.start(now) : current.touch(now));
        return session.checkouts();
    }

    /** Removes every session idle for longer than the timeout and returns how many went. */
    public int sweepExpired() {
        Instant now = clock.instant();
        int removed = 0;
        for (Map.Entry<String, CheckoutSession> entry : sessions.entrySet()) {
            // Removing only the value we judged keeps a session that was touched meanwhile.
            if (entry.getValue().isExpired(now, idleTimeout) && sessions.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    /** How many sessions are held now, expired ones not yet swept included. */
    public int size() {
        return sessions.size();
    }
}
