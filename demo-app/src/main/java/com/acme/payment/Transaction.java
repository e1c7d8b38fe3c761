package com.acme.payment;

import java.time.Instant;

/**
 * What the fraud service remembers of one scored order; the card is kept only as a fingerprint.
 *
 * @param transactionId this service's id for the attempt
 * @param orderId the shop's order id
 * @param customerId the paying customer
 * @param merchantId who receives the money
 * @param amountCents the amount, in minor units
 * @param currency ISO 4217 code
 * @param cardFingerprint SHA-256 of the card number, to recognise the card without storing it
 * @param cardLast4 the last four digits, for analysts
 * @param email the customer's e-mail address
 * @param ipAddress where the customer connected from
 * @param userAgent the customer's browser
 * @param scoredAt when the order was scored
 * @param score the fraud score it got
 * @param features the feature vector the model saw, kept so that later orders can be compared with it
 */
public record Transaction(
        String transactionId,
        String orderId,
        String customerId,
        String merchantId,
        long amountCents,
        String currency,
        String cardFingerprint,
        String cardLast4,
        String email,
        String ipAddress,
        String userAgent,
        Instant scoredAt,
        double score,
        float[] features) {
}
