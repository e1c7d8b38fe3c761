package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckoutServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final List<SettlementBatch> settled = new ArrayList<>();
    private final SettlementBatcher settlement = new SettlementBatcher(1_000, settled::add);
    private final AtomicInteger transactions = new AtomicInteger();
    private final CheckoutService checkout = new CheckoutService(new IdempotencyCache(100),
            new SessionStore(clock, Duration.ofSeconds(30)), new FraudService(new FraudModel(), false, clock),
            new PaymentAuthorizer(clock), settlement, () -> "txn-" + transactions.incrementAndGet());

    @Test
    void approvesAValidOrderAndQueuesItForSettlement() throws Exception {
        CheckoutOutcome outcome = checkout.checkout("key-1", Orders.valid("ord-1"));

        PaymentResult result = outcome.result();
        assertEquals(PaymentStatus.APPROVED, result.status());
        assertEquals("txn-1", result.transactionId());
        assertEquals("ord-1", result.orderId());
        assertEquals(2_500, result.amountCents());
        assertEquals(1, settlement.pendingCount());
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstResultAndChargesOnce() throws Exception {
        CheckoutOutcome first = checkout.checkout("key-1", Orders.valid("ord-1"));
        CheckoutOutcome retry = checkout.checkout("key-1", Orders.valid("ord-1"));

        assertFalse(first.replayed());
        assertTrue(retry.replayed());
        assertEquals(first.result(), retry.result());
        assertEquals(1, transactions.get());
        assertEquals(1, settlement.pendingCount());
    }

    @Test
    void aKeyReusedForAnotherOrderIsRefused() throws Exception {
        checkout.checkout("key-1", Orders.valid("ord-1"));
        assertThrows(IdempotencyConflictException.class, () -> checkout.checkout("key-1", Orders.valid("ord-2")));
        assertThrows(IdempotencyConflictException.class,
                () -> checkout.checkout("key-1", Orders.withAmount(Orders.valid("ord-1"), 2_501)));
    }

    @Test
    void withoutAKeyEveryRequestIsANewAttempt() throws Exception {
        PaymentResult first = checkout.checkout(null, Orders.valid("ord-1")).result();
        PaymentResult second = checkout.checkout(" ", Orders.valid("ord-1")).result();
        assertNotEquals(first.transactionId(), second.transactionId());
        assertEquals(2, settlement.pendingCount());
    }

    @Test
    void aDeclinedPaymentIsNotSettled() throws Exception {
        Order order = Orders.withCard(Orders.valid("ord-1"), PaymentAuthorizer.DECLINED_CARD);
        PaymentResult result = checkout.checkout("key-1", order).result();
        assertEquals(PaymentStatus.DECLINED, result.status());
        assertEquals("card_declined", result.reason());
        assertEquals(0, settlement.pendingCount());
    }

    @Test
    void aFraudulentLookingOrderIsRejectedBeforeAuthorisation() throws Exception {
        Order risky = Orders.withCountries(Orders.withAmount(Orders.valid("ord"), 400_000), "DE", "US");
        PaymentResult last = null;
        for (int i = 0; i < 15; i++) {
            last = checkout.checkout("key-" + i, risky).result();
        }
        assertEquals(PaymentStatus.REJECTED, last.status());
        assertEquals("fraud_suspected", last.reason());
    }
}
