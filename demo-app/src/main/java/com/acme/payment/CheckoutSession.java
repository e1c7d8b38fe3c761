package com.acme.payment;

import java.time.Duration;
import java.time.Instant;

/**
 * One customer's run of checkouts, counted so that fraud scoring can see how fast they come.
 *
 * @param startedAt when the first checkout of the session arrived
 * @param lastSeenAt when the latest one arrived
 * @param checkouts how many checkouts the session has seen
 */
public record CheckoutSession(Instant startedAt, Instant lastSeenAt, int checkouts) {

    static CheckoutSession start(Instant now) {
        return new CheckoutSession(now, now, 1);
    }

    CheckoutSession touch(Instant now) {
        return new CheckoutSession(startedAt, now, checkouts + 1);
    }

    boolean isExpired(Instant now, Duration idleTimeout) {
        return !lastSeenAt.plus(idleTimeout).isAfter(now);
    }
}
