package com.acme.payment;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the result of the most recent checkouts by idempotency key, so that a retried request is
 * answered with the original result instead of charging the card twice; the oldest keys are forgotten.
 */
public final class IdempotencyCache {
    private final Map<String, Entry> entries;

    /** Creates a cache that remembers at most {@code capacity} keys. */
    public IdempotencyCache(int capacity) {
        this.entries = new LruMap<>(capacity);
    }

    /**
     * Returns the result stored under {@code key}, or computes, stores and returns a new one.
     *
     * <p>The lock is held while computing so that a retry arriving during the first attempt waits for
     * it rather than charging again; processing here takes microseconds, so one lock is enough.
     *
     * @param requestDigest a digest of the request, to refuse a key reused for a different order
     */
    public synchronized CheckoutOutcome getOrCompute(String key, String requestDigest, Supplier<PaymentResult> compute)
            throws IdempotencyConflictException {
        Entry earlier = entries.get(key);
        if (earlier != null) {
            if (!earlier.requestDigest().equals(requestDigest)) {
                throw new IdempotencyConflictException(key);
            }
            return new CheckoutOutcome(earlier.result(), true);
        }
        PaymentResult result = compute.get();
        entries.put(key, new Entry(requestDigest, result));
        return new CheckoutOutcome(result, false);
    }

    /** How many keys are remembered now. */
    public synchronized int size() {
        return entries.size();
    }

    private record Entry(String requestDigest, PaymentResult result) {
    }
}
