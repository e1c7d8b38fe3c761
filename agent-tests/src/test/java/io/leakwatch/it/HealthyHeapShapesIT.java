package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The healthy twins of {@link HeapLeadTimeIT}'s leak, in the same heap with the same garbage, on G1, whose
 * young collections alone raise the old generation: heavy churn over a flat live set of half the heap; a
 * cache that warms up for about fifteen seconds and levels off; objects promoted at 4 MB/s that die in the
 * old generation until an old collection frees them (its first climb lasts longer than a window). None is
 * reported over four windows.
 */
class HealthyHeapShapesIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flat", "warmup", "promotion"})
    void noHeapAlertForAHealthyShape(String shape) {
        try (ForkedJvm jvm = ForkedJvm.builder("org.other.scenarios.LibraryHeapShapes")
                .agent("packages=com.acme.scenarios,interval=500ms,window=10s")
                .jvmOption("-XX:+UseG1GC")
                .jvmOption("-Xmx96m")
                .jvmOption(GcHistory.LOG_OPTION)
                .argument(shape)
                .start()) {
            // Asserted, not merely awaited, so that a false alarm names itself (its pool, growth and projection)
            // beside what the collector did.
            await("no heap alert").during(Duration.ofSeconds(45)).atMost(Duration.ofSeconds(50))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(jvm.alerts())
                            .as(() -> String.format("heap alerts for the healthy shape %s, %s; its collections: %s", shape,
                                    jvm.stdout().isEmpty() ? "not started" : jvm.stdout().get(0), GcHistory.of(jvm.eventsFile())))
                            .filteredOn(alert -> "heap".equals(alert.kind())).isEmpty());
            assertThat(jvm.isAlive()).as("the shape runs; stderr: %s", jvm.stderr()).isTrue();
            assertThat(jvm.alerts()).filteredOn(alert -> "heap".equals(alert.kind())).isEmpty();
        }
    }
}
