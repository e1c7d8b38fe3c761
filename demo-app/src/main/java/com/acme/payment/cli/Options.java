package com.acme.payment.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The validated settings of one run of the demo.
 *
 * @param bindAddress the address the HTTP server listens on
 * @param port the TCP port, 0 for any free port
 * @param loadRequestsPerSecond the rate of the built-in load generator, 0 when it is off
 * @param duration how long to run before exiting, empty to run until stopped
 * @param features the optional behaviours switched on
 * @param helpRequested whether the user asked for the usage text instead of a run
 */
public record Options(
        String bindAddress,
        int port,
        int loadRequestsPerSecond,
        Optional<Duration> duration,
        Set<Feature> features,
        boolean helpRequested) {

    public Options {
        features = Set.copyOf(features);
    }

    /** Whether the built-in load generator should run. */
    public boolean generatesLoad() {
        return loadRequestsPerSecond > 0;
    }

    /** Whether {@code feature} is switched on. */
    public boolean has(Feature feature) {
        return features.contains(feature);
    }
}
