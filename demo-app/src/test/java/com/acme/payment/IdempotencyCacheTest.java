package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void answersARepeatedKeyFromTheCacheWithoutComputingAgain() throws Exception {
        IdempotencyCache cache = new IdempotencyCache(10);
        CheckoutOutcome first = cache.getOrCompute("key-1", "digest-1", result("txn-1"));
        CheckoutOutcome second = cache.getOrCompute("key-1", "digest-1", result("txn-2"));
        assertFalse(first.replayed());
        assertTrue(second.replayed());
        assertSame(first.result(), second.result());
        assertEquals(1, computed.get());
    }

    @Test
    void refusesAKeyReusedForADifferentRequest() throws Exception {
        IdempotencyCache cache = new IdempotencyCache(10);
        cache.getOrCompute("key-1", "digest-1", result("txn-1"));
        assertThrows(IdempotencyConflictException.class,
                () -> cache.getOrCompute("key-1", "digest-2", result("txn-2")));
    }

    @Test
    void staysBoundedAndForgetsTheLeastRecentKey() throws Exception {
        IdempotencyCache cache = new IdempotencyCache(3);
        for (int i = 0; i < 1_000; i++) {
            cache.getOrCompute("key-" + i, "digest", result("txn-" + i));
        }
        assertEquals(3, cache.size());
        assertFalse(cache.getOrCompute("key-0", "digest", result("again")).replayed());
        assertTrue(cache.getOrCompute("key-999", "digest", result("again")).replayed());
    }

    private Supplier<PaymentResult> result(String transactionId) {
        return () -> {
            computed.incrementAndGet();
            return new PaymentResult(transactionId, "ord-1", PaymentStatus.APPROVED, 100, "EUR", "ABC123", null, 0.1);
        };
    }
}
