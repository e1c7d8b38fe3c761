package io.leakwatch.export;

import io.leakwatch.analysis.Alert;

/**
 * A place alerts are delivered to. It should not throw; where it does anyway (the application's stream
 * throws, say), {@link AlertFanOut} keeps the failure from the other sinks and from the sampler.
 */
public interface AlertSink {

    void deliver(Alert alert);
}
