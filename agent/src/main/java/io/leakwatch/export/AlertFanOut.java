package io.leakwatch.export;

import java.util.List;

import io.leakwatch.analysis.Alert;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

/**
 * Delivers each alert to every sink in turn, so that a sink that throws (stderr replaced by a stream that
 * throws, a full disk) costs only its own delivery: the other sinks still get the alert, and the failure
 * is counted ({@link Source#ALERT_SINK}) and reported once per sink. Never throws. Alerts are delivered one at a
 * time: a repeated alert (with evidence added, say) comes from a responder's thread, and sinks write whole lines.
 */
public final class AlertFanOut {

    private final List<AlertSink> sinks;

    public AlertFanOut(List<AlertSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public synchronized void deliver(Alert alert) {
        for (AlertSink sink : sinks) {
            try {
                sink.deliver(alert);
            } catch (Throwable failure) {
                SuppressedErrors.count(Source.ALERT_SINK);
                reportOnce(sink, failure);
            }
        }
    }

    private static void reportOnce(AlertSink sink, Throwable failure) {
        try {
            String name = sink.getClass().getSimpleName();
            AgentLog.once("alert-sink:" + name, "could not deliver an alert to " + name + " (" + failure
                    + "); the other sinks still get it, further failures are counted in leakwatch.errors.suppressed");
        } catch (Throwable unprintable) {
            // Building the line can fail as the delivery did (an OutOfMemoryError, a toString that throws);
            // the failure is already counted.
        }
    }
}
