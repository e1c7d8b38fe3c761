package io.leakwatch.respond.action;

import java.io.IOException;
import java.net.URI;

import io.leakwatch.respond.action.ActionOutcome.Failure;

/**
 * An {@code http://} or {@code https://} action: POSTs the alert's JSON with {@code Content-Type:
 * application/json} and an {@code Idempotency-Key} header, the same key on every attempt, and tries again as
 * the {@link WebhookRetryPolicy} says. What it reports never holds the URL's query or user info, nor an
 * exception's message (which may quote them).
 */
final class WebhookAction implements Action {

    /** Waits between attempts; a fake one in tests. */
    interface Pause {
        void millis(long millis);
    }

    private final URI uri;
    private final WebhookSender sender;
    private final WebhookRetryPolicy retries;
    private final Pause pause;

    WebhookAction(URI uri, WebhookSender sender, WebhookRetryPolicy retries, Pause pause) {
        this.uri = uri;
        this.sender = sender;
        this.retries = retries;
        this.pause = pause;
    }

    @Override
    public ActionOutcome run(ActionRequest request) {
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                int status = sender.post(uri, request.json(), request.idempotencyKey());
                if (WebhookRetryPolicy.succeeded(status)) {
                    return ActionOutcome.done();
                }
                if (!WebhookRetryPolicy.worthRetrying(status)) {
                    return ActionOutcome.failed(Failure.REFUSED, "answered HTTP " + status);
                }
                failure = "answered HTTP " + status;
            } catch (IOException | InterruptedException | RuntimeException noAnswer) {
                failure = "no answer (" + noAnswer.getClass().getName() + ")";
            }
            if (!retries.mayRetryAfter(attempt)) {
                return ActionOutcome.failed(Failure.GAVE_UP, "gave up after " + attempt + " attempts, the last "
                        + failure);
            }
            pause.millis(retries.backoffMillisAfter(attempt));
        }
    }

    /** The real pause: sleeps the whole time, an interrupt (someone else's housekeeping) notwithstanding. */
    static void sleep(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        for (long left = millis; left > 0; left = (deadline - System.nanoTime()) / 1_000_000L) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException interrupted) {
                // Keep waiting: the pause is what the receiver needs, not what the interrupter wants.
            }
        }
    }
}
