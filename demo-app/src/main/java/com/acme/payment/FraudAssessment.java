package com.acme.payment;

/**
 * The fraud service's verdict on one order.
 *
 * @param score the estimated probability of fraud, from 0 to 1
 * @param blockReason why the order must not be charged, or {@code null} when it may go ahead
 */
public record FraudAssessment(double score, String blockReason) {

    /** Whether the order must be rejected without asking the card issuer. */
    public boolean blocked() {
        return blockReason != null;
    }
}
