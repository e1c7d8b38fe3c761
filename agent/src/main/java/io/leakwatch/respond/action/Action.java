package io.leakwatch.respond.action;

/**
 * One thing {@code action.onWarning} or {@code action.onCritical} does for an alert: run a command or POST to a
 * webhook. Runs on the action thread and may take long (it is bounded by its own timeouts); never throws.
 */
interface Action {

    /** Does it for one alert and says how it went. */
    ActionOutcome run(ActionRequest request);
}
