package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaymentResultTest {

    @Test
    void keepsThreeDecimalsOfTheFraudScore() {
        assertEquals(0.124, result(0.12351).fraudScore());
        assertEquals(0.0, result(0.0004).fraudScore());
        assertEquals(1.0, result(1.0).fraudScore());
    }

    private static PaymentResult result(double fraudScore) {
        return new PaymentResult("txn", "ord", PaymentStatus.APPROVED, 100, "EUR", "C", null, fraudScore);
    }
}
