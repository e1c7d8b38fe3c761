package io.leakwatch.export;

import io.leakwatch.analysis.Alert;

/** Writes each alert's human line on the JVM's current stderr. */
public final class LogAlertSink implements AlertSink {

    @Override
    public void deliver(Alert alert) {
        System.err.println(AlertLine.format(alert));
    }
}
