package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A bounded LRU filled at high rate, a batch list cleared every two seconds, a cache that fills in
 * three seconds and stays flat, and millions of orders each with its own small list: none is a leak.
 * A real leak runs beside them, so a silent agent is told apart from a deaf one.
 */
class HealthyShapesIT {

    private static final String CONTROL_LEAK = "com.acme.scenarios.HealthyShapes$ControlLeak#RECORDS";

    @Test
    void staysSilentAboutHealthyShapesForOverAMinute() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.HealthyShapes")
                .agent("packages=com.acme.scenarios,interval=500ms,window=20s")
                .argument("control-leak")
                .start()) {
            await("the control leak is reported").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> alertedSites(jvm).contains(CONTROL_LEAK));

            await("nothing else is reported").during(Duration.ofSeconds(45)).atMost(Duration.ofSeconds(50))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> alertedSites(jvm).stream().allMatch(CONTROL_LEAK::equals));
            assertThat(jvm.isAlive()).isTrue();
            assertThat(jvm.alerts()).filteredOn(alert -> alert.kind().equals("heap")).isEmpty();
        }
    }

    private static List<String> alertedSites(ForkedJvm jvm) {
        return jvm.alerts().stream().map(alert -> alert.kind().equals("heap") ? "heap" : alert.site())
                .collect(Collectors.toList());
    }
}
