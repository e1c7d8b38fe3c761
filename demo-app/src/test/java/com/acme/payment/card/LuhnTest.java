package com.acme.payment.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LuhnTest {

    @Test
    void acceptsWellKnownTestCardsAndRejectsATypo() {
        assertTrue(Luhn.isValid("4242424242424242"));
        assertTrue(Luhn.isValid("5555555555554444"));
        assertTrue(Luhn.isValid("378282246310005"));
        assertFalse(Luhn.isValid("4242424242424243"));
    }

    @Test
    void computesTheCheckDigit() {
        assertEquals(2, Luhn.checkDigit("424242424242424"));
        assertEquals(4, Luhn.checkDigit("555555555555444"));
        assertEquals(5, Luhn.checkDigit("37828224631000"));
    }
}
