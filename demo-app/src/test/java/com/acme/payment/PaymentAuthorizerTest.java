package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentAuthorizerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T12:00:00Z"));
    private final PaymentAuthorizer authorizer = new PaymentAuthorizer(clock);

    @Test
    void approvesAValidCardWithAStableSixCharacterCode() {
        Authorization first = authorizer.authorize(Orders.valid("ord-1"), "txn-1");
        assertTrue(first.approved());
        assertNull(first.declineReason());
        assertEquals(6, first.code().length());
        assertEquals(first, authorizer.authorize(Orders.valid("ord-1"), "txn-1"));
    }

    @Test
    void declinesTheSandboxDeclineCards() {
        assertEquals("card_declined", declineReason(Orders.withCard(Orders.valid("o"), PaymentAuthorizer.DECLINED_CARD)));
        assertEquals("insufficient_funds",
                declineReason(Orders.withCard(Orders.valid("o"), PaymentAuthorizer.INSUFFICIENT_FUNDS_CARD)));
    }

    @Test
    void declinesANumberThatFailsTheLuhnCheck() {
        assertEquals("invalid_card_number", declineReason(Orders.withCard(Orders.valid("o"), "4242424242424241")));
    }

    @Test
    void aCardIsValidUntilTheEndOfItsExpiryMonth() {
        assertTrue(authorizer.authorize(Orders.withExpiry(Orders.valid("o"), "06/26"), "t").approved());
        assertEquals("expired_card", declineReason(Orders.withExpiry(Orders.valid("o"), "05/26")));
    }

    @Test
    void declinesAmountsOverTheLimit() {
        assertEquals("amount_over_limit",
                declineReason(Orders.withAmount(Orders.valid("o"), PaymentAuthorizer.MAX_AMOUNT_CENTS + 1)));
    }

    private String declineReason(Order order) {
        Authorization authorization = authorizer.authorize(order, "txn");
        assertFalse(authorization.approved());
        assertNull(authorization.code());
        return authorization.declineReason();
    }
}
