package io.leakwatch.respond.action;

/** How one run of an action went: done, or failed for a reason that is reported once per kind of failure. */
final class ActionOutcome {

    /** Why an action failed; each is reported once per action. */
    enum Failure {
        /** The command could not be started. */
        NOT_STARTED,
        /** The command ran past its timeout and was destroyed. */
        TIMED_OUT,
        /** The command exited with a status other than 0. */
        EXIT_STATUS,
        /** The webhook refused the alert (a 4xx other than 429): trying again would not help. */
        REFUSED,
        /** The webhook could not be reached, or kept answering 5xx or 429, until the attempts ran out. */
        GAVE_UP,
        /** The action itself threw, which it should not. */
        BROKEN
    }

    private static final ActionOutcome DONE = new ActionOutcome(null, "done");

    private final Failure failure;
    private final String detail;

    private ActionOutcome(Failure failure, String detail) {
        this.failure = failure;
        this.detail = detail;
    }

    static ActionOutcome done() {
        return DONE;
    }

    static ActionOutcome failed(Failure failure, String detail) {
        return new ActionOutcome(failure, detail);
    }

    boolean succeeded() {
        return failure == null;
    }

    /** Null when it succeeded. */
    Failure failure() {
        return failure;
    }

    /** For the log line: what happened, with no secret in it (no webhook query, no exception message). */
    String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return failure == null ? detail : failure + ": " + detail;
    }
}
