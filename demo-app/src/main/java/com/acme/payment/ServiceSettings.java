package com.acme.payment;

import java.time.Duration;

/**
 * The knobs that bound the service's memory and threads, in one place with their units in their names.
 *
 * @param idempotencyKeyCapacity how many idempotency keys are remembered before the least recent is forgotten
 * @param sessionIdleTimeout how long a customer's checkout session lives without a new checkout
 * @param sessionSweepInterval how often expired sessions are removed
 * @param settlementFlushInterval how often approved payments are sent to the acquirer
 * @param settlementMaxBatchSize how many payments a settlement batch holds at most
 * @param httpWorkerThreads how many threads serve HTTP requests
 * @param maxRequestBodyBytes the largest order body accepted
 */
public record ServiceSettings(
        int idempotencyKeyCapacity,
        Duration sessionIdleTimeout,
        Duration sessionSweepInterval,
        Duration settlementFlushInterval,
        int settlementMaxBatchSize,
        int httpWorkerThreads,
        int maxRequestBodyBytes) {

    /**
     * The settings the demo runs with. Short timeouts make the healthy structures reach their steady
     * size within a minute, so a short run already shows them flat.
     */
    public static ServiceSettings defaults() {
        return new ServiceSettings(10_000, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5), 5_000,
                4, 16 * 1024);
    }
}
