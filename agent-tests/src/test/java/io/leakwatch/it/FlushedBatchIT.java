package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A batch list filled to 50,000 items and flushed about every five seconds, watched with a 20 s window
 * whose quarters line up with the flushes while the sampling phase drifts: a bounded oscillation, never
 * reported over several windows. A real leak in the same JVM is, so the agent is shown to be listening.
 */
class FlushedBatchIT {

    private static final String CONTROL_LEAK = "com.acme.scenarios.FlushedBatch$ControlLeak#RECORDS";

    @Test
    void aBatchFlushedEveryQuarterWindowIsNeverReported() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.FlushedBatch")
                .agent("packages=com.acme.scenarios,interval=500ms,window=20s")
                .argument("control-leak")
                .start()) {
            await("nothing but the control leak is reported").during(Duration.ofSeconds(70))
                    .atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(jvm.isAlive()).isTrue();
                        assertThat(alertedSites(jvm)).allMatch(CONTROL_LEAK::equals);
                    });
            assertThat(alertedSites(jvm)).as("the control leak is reported").contains(CONTROL_LEAK);
        }
    }

    private static List<String> alertedSites(ForkedJvm jvm) {
        return jvm.alerts().stream().map(alert -> alert.kind().equals("heap") ? "heap" : alert.site())
                .collect(Collectors.toList());
    }
}
