package io.leakwatch.export;

import io.leakwatch.analysis.Alert;

/** A place alerts are delivered to; it must not throw. */
public interface AlertSink {

    void deliver(Alert alert);
}
