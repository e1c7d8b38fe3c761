package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A leak in a package that is not instrumented, in a small heap: only the live set after GC shows it,
 * and the heap WARNING (with its time to exhaustion) must come before the OutOfMemoryError.
 */
class HeapLeakIT {

    /**
     * G1 and ZGC meet a leak in {@link HeapLeadTimeIT} in CI, and Serial stands here for the collectors that free
     * the old generation only when it is full; the full matrix (scripts/soak) runs all four.
     */
    static Stream<String> collectors() {
        return GcMatrix.matrix(List.of(GcMatrix.SERIAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collectors")
    void warnsOfTheFillingHeapBeforeItIsExhausted(String collector) throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder("org.other.scenarios.UninstrumentedHeapLeak")
                .agent("packages=com.acme.scenarios,interval=500ms,window=10s")
                .jvmOption(collector)
                .jvmOption("-Xmx128m")
                .argument("20")
                .start()) {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> firstHeapAlert(jvm).isPresent() || !jvm.isAlive());
            AlertRecord alert = firstHeapAlert(jvm)
                    .orElseThrow(() -> new AssertionError("no heap alert before exit; stderr: " + jvm.stderr()));

            assertThat(alert.severity()).isIn("WARNING", "CRITICAL");
            assertThat(alert.text("pool")).isNotBlank();
            assertThat(alert.has("site")).isFalse();
            assertThat(alert.json().get("secondsToExhaustion").asDouble()).isPositive();
            assertThat(alert.json().get("heapMax").asLong()).isPositive();
            assertThat(alert.json().get("heapUsedAfterGc").asLong()).isPositive()
                    .isLessThanOrEqualTo(alert.json().get("heapMax").asLong());
            assertThat(alert.json().get("growthPerMin").asDouble()).isPositive();

            assertThat(jvm.waitForExit(180)).as("the scenario really runs out of memory").isEqualTo(3);
            Instant outOfMemory = Instant.ofEpochMilli(Long.parseLong(jvm.stdout().stream()
                    .filter(line -> line.startsWith("OutOfMemoryError at "))
                    .findFirst().orElseThrow().split(" ")[2]));
            assertThat(alert.time()).isBefore(outOfMemory);
        }
    }

    private static Optional<AlertRecord> firstHeapAlert(ForkedJvm jvm) {
        return jvm.alerts().stream().filter(alert -> "heap".equals(alert.kind())).findFirst();
    }
}
