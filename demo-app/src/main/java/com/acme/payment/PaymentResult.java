package com.acme.payment;

/**
 * The answer to one checkout, as returned to the shop (this record is the JSON body) and settled later when
 * approved.
 *
 * @param transactionId this service's id for the attempt
 * @param orderId the shop's order id
 * @param status how the checkout ended
 * @param amountCents the amount, in minor units
 * @param currency ISO 4217 code
 * @param authorizationCode the issuer's code when approved, else {@code null}
 * @param reason why it was declined or rejected, else {@code null}
 * @param fraudScore the fraud model's risk estimate, from 0 (safe) to 1 (fraud), to three decimals
 */
public record PaymentResult(
        String transactionId,
        String orderId,
        PaymentStatus status,
        long amountCents,
        String currency,
        String authorizationCode,
        String reason,
        double fraudScore) {

    public PaymentResult {
        // Three decimals are all a shop can act on, and keep the body short.
        fraudScore = Math.round(fraudScore * 1000) / 1000.0;
    }
}
