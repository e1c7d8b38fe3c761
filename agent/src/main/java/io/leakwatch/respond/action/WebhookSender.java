package io.leakwatch.respond.action;

import java.io.IOException;
import java.net.URI;

/** Makes one POST of an alert to a webhook; a fake one in tests. */
interface WebhookSender {

    /**
     * POSTs the JSON with its idempotency key and returns the HTTP status. Throws when no answer came
     * (connection refused, timed out).
     */
    int post(URI uri, String json, String idempotencyKey) throws IOException, InterruptedException;
}
