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
     * The settings the demo runs with. Short timeouts and a small cache make the healthy structures
     * reach their steady size within about ten seconds at a few hundred requests a second, well inside
     * a short leakwatch window: a structure still warming up when a window ends looks like growth.
     */
    public static ServiceSettings defaults() {
        return new ServiceSettings(2_000, Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(5), 5_000,
                4, 16 * 1024);
    }
}
