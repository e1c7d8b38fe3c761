package io.leakwatch.export;

import io.leakwatch.analysis.Alert;

/**
 * Writes each alert's human line on the JVM's current stderr, looked up for every alert, so that an
 * application that replaced {@code System.err} and later restored it gets the lines again. A stream that
 * throws is left to {@link AlertFanOut}, which counts the lost line and delivers to the other sinks.
 */
public final class LogAlertSink implements AlertSink {

    @Override
    public void deliver(Alert alert) {
        System.err.println(AlertLine.format(alert));
    }
}
