package io.leakwatch.respond.action;

/**
 * When a webhook POST is tried again: after no answer, a 5xx or a 429 (the receiver may be restarting or busy),
 * up to a number of attempts, with a pause that doubles each time. Any other answer is final.
 */
final class WebhookRetryPolicy {

    private final int attempts;
    private final long firstBackoffMillis;

    WebhookRetryPolicy(int attempts, long firstBackoffMillis) {
        this.attempts = attempts;
        this.firstBackoffMillis = firstBackoffMillis;
    }

    int attempts() {
        return attempts;
    }

    static boolean succeeded(int status) {
        return status >= 200 && status < 300;
    }

    /** Whether an answer with this status (not a success) is worth trying again. */
    static boolean worthRetrying(int status) {
        return status >= 500 || status == 429;
    }

    /** Whether another attempt follows the {@code attemptsMade}-th failed one. */
    boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < attempts;
    }

    /** The pause after the {@code attemptsMade}-th failed attempt: the first backoff, doubled each time after. */
    long backoffMillisAfter(int attemptsMade) {
        return firstBackoffMillis << Math.min(attemptsMade - 1, 20);
    }
}
