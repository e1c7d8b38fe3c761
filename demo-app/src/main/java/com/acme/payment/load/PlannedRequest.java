package com.acme.payment.load;

/**
 * One checkout request the load generator is about to send.
 *
 * @param idempotencyKey the value of the {@code Idempotency-Key} header
 * @param body the JSON order
 */
public record PlannedRequest(String idempotencyKey, String body) {
}
