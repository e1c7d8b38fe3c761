package com.acme.payment;

/**
 * The result of a checkout and whether it was replayed from an earlier request with the same idempotency key.
 *
 * @param result the payment result
 * @param replayed {@code true} when the order was not processed again because the key had been seen
 */
public record CheckoutOutcome(PaymentResult result, boolean replayed) {
}
