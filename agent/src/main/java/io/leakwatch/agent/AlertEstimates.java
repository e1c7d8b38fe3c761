package io.leakwatch.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.track.RetainedEstimates;

/**
 * The pass's step between judging and reporting: measures, on the sampler thread, what the container of each site
 * alerted in this pass keeps alive, and hands the alerts on with that estimate. The estimate is kept as the site's
 * latest, so the pass's report exports the very value the alert carries; the analysis never measures anything.
 */
final class AlertEstimates {

    private final RetainedEstimates retained;

    AlertEstimates(RetainedEstimates retained) {
        this.retained = retained;
    }

    /** The alerts in the same order, a raised container alert with its estimate when one can be taken now. */
    List<Alert> measure(long nowMillis, List<Alert> alerts) {
        List<Alert> measured = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            measured.add(measure(nowMillis, alert));
        }
        return measured;
    }

    /** A resolved alert says the growth stopped; it carries no estimate, and no walk is spent on it. */
    private Alert measure(long nowMillis, Alert alert) {
        if (alert.kind() != AlertKind.CONTAINER || alert.severity() == Severity.RESOLVED || alert.siteId() < 0) {
            return alert;
        }
        OptionalLong estimate = retained.estimateNow(alert.siteId(), nowMillis);
        return estimate.isPresent() ? alert.amend().estimatedBytes(estimate.getAsLong()).build() : alert;
    }
}
