package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void toStringShowsOnlyTheLastFourDigitsOfTheCard() {
        String text = Orders.valid("ord-1").toString();
        assertFalse(text.contains(Orders.VALID_CARD), text);
        assertTrue(text.contains("****4242"), text);
    }

    @Test
    void digestIsTheSameForEqualOrdersAndDiffersForAnyChange() {
        Order order = Orders.valid("ord-1");
        assertEquals(order.digest(), Orders.valid("ord-1").digest());
        assertNotEquals(order.digest(), Orders.withAmount(order, 2_501).digest());
        assertNotEquals(order.digest(), Orders.withCard(order, "5555555555554444").digest());
    }

    @Test
    void digestDoesNotConfuseTextMovedBetweenFields() {
        Order order = Orders.valid("ord-1");
        Order shifted = new Order("ord-", "1cust-1", order.merchantId(), order.amountCents(), order.currency(),
                order.cardNumber(), order.cardExpiry(), order.email(), order.ipAddress(), order.userAgent(),
                order.billingCountry(), order.shippingCountry());
        Order original = new Order("ord-1", "cust-1", order.merchantId(), order.amountCents(), order.currency(),
                order.cardNumber(), order.cardExpiry(), order.email(), order.ipAddress(), order.userAgent(),
                order.billingCountry(), order.shippingCountry());
        assertNotEquals(original.digest(), shifted.digest());
    }
}
