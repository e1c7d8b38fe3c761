package com.acme.payment;

import com.acme.payment.card.Luhn;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Stands in for the card network: checks the card and asks the "issuer", which follows the usual
 * sandbox conventions (card 4000000000000002 is declined, 4000000000009995 lacks funds).
 */
public final class PaymentAuthorizer {
    static final String DECLINED_CARD = "4000000000000002";
    static final String INSUFFICIENT_FUNDS_CARD = "4000000000009995";
    /** Above this a real issuer would ask for strong customer authentication, which this demo does not do. */
    static final long MAX_AMOUNT_CENTS = 500_000;

    private final Clock clock;

    public PaymentAuthorizer(Clock clock) {
        this.clock = clock;
    }

    /** Authorises {@code order} under {@code transactionId}; never throws for a bad card, declines it. */
    public Authorization authorize(Order order, String transactionId) {
        if (!Luhn.isValid(order.cardNumber())) {
            return Authorization.decline("invalid_card_number");
        }
        if (isExpired(order.cardExpiry())) {
            return Authorization.decline("expired_card");
        }
        if (order.amountCents() > MAX_AMOUNT_CENTS) {
            return Authorization.decline("amount_over_limit");
        }
        if (order.cardNumber().equals(DECLINED_CARD)) {
            return Authorization.decline("card_declined");
        }
        if (order.cardNumber().equals(INSUFFICIENT_FUNDS_CARD)) {
            return Authorization.decline("insufficient_funds");
        }
        // Derived from the transaction id so the same attempt always gets the same code.
        return Authorization.approve(Sha256.hex(transactionId).substring(0, 6).toUpperCase(Locale.ROOT));
    }

    private boolean isExpired(String expiry) {
        int month = Integer.parseInt(expiry.substring(0, 2));
        int year = 2000 + Integer.parseInt(expiry.substring(3, 5));
        // A card is valid until the end of its expiry month.
        return YearMonth.of(year, month).isBefore(YearMonth.now(clock));
    }
}
