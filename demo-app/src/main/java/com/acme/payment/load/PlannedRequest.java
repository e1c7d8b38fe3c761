package com.acme.payment.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One checkout request the load generator is about to send.
 *
 * @param idempotencyKey the value of the {@code Idempotency-Key} header
 * @param body the JSON order
 */
public record PlannedRequest(String idempotencyKey, String body) {

    /** The POST that carries it to the checkout endpoint. */
    public HttpRequest toHttpRequest(URI checkoutUri, Duration timeout) {
        return HttpRequest.newBuilder(checkoutUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
