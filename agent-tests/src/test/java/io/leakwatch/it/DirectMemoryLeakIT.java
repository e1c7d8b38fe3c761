package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A library keeps a direct buffer per message, 800 KB/s of them, until the JVM dies of an
 * {@code OutOfMemoryError} for direct buffer memory about 80 s in, while the heap holds only the buffers' small
 * objects. The direct alert, with its projection against {@code MaxDirectMemorySize}, must come while at least
 * half of the time from start to the error is still ahead, and before any heap alert. CI runs G1 on JDK 17;
 * the full matrix ({@code scripts/soak}) adds ZGC and JDK 25, for the README's table.
 */
class DirectMemoryLeakIT {

    private static final double MIN_LEAD_FRACTION = 0.5;
    private static final long MAX_DIRECT = 64L * 1024 * 1024;

    static Stream<Arguments> collectors() {
        return GcMatrix.jdkRuns("G1, JDK 17");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collectors")
    void warnsWithAtLeastHalfTheTimeToOutOfMemoryAhead(String name, Path javaHome, String collector) {
        Assumptions.assumeTrue(Files.isExecutable(javaHome.resolve("bin/java")), "no JDK at " + javaHome);
        try (ForkedJvm jvm = ForkedJvm.builder("org.other.scenarios.DirectBufferShapes")
                .javaHome(javaHome)
                .agent("interval=500ms,window=10s")
                .jvmOption(collector)
                .jvmOption("-Xmx96m")
                .jvmOption("-XX:MaxDirectMemorySize=64m")
                .argument("leak")
                .argument("800")
                .start()) {
            AtomicLong exitedAt = new AtomicLong();
            jvm.process().onExit().thenRun(() -> exitedAt.set(System.currentTimeMillis()));
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> exitedAt.get() > 0);

            // Thrown by the class library, not the JVM, so -XX:+ExitOnOutOfMemoryError would not see it: the main
            // thread dies of it and the JVM ends with it. JDK 17 says "Cannot reserve 65536 bytes of direct buffer
            // memory (allocated: ..., limit: ...)", older JDKs "Direct buffer memory".
            assertThat(jvm.stderr()).as("the leak ends in OutOfMemoryError for direct buffer memory")
                    .anyMatch(line -> line.contains("java.lang.OutOfMemoryError")
                            && line.toLowerCase(Locale.ROOT).contains("direct buffer memory"));
            long startedAt = MetaspaceLeakIT.startedAt(jvm);
            AlertRecord warning = jvm.alerts().stream()
                    .filter(alert -> "direct".equals(alert.kind()) && "direct".equals(alert.text("pool")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no direct alert before the OutOfMemoryError: "
                            + jvm.alerts()));
            long alertedAt = warning.time().toEpochMilli();
            double leadFraction = (exitedAt.get() - alertedAt) / (double) (exitedAt.get() - startedAt);
            System.out.printf("%s: direct %s at %.1f s, OutOfMemoryError at %.1f s, lead fraction %.2f, "
                            + "projected %.0f s to exhaustion%n", name, warning.severity(),
                    (alertedAt - startedAt) / 1000.0, (exitedAt.get() - startedAt) / 1000.0, leadFraction,
                    warning.json().get("secondsToExhaustion").asDouble());

            assertThat(warning.severity()).isIn("WARNING", "CRITICAL");
            assertThat(warning.has("site")).isFalse();
            assertThat(warning.json().get("heapMax").asLong()).isEqualTo(MAX_DIRECT);
            assertThat(warning.json().get("heapUsedAfterGc").asLong()).isPositive().isLessThan(MAX_DIRECT);
            assertThat(warning.json().get("secondsToExhaustion").asDouble()).isPositive();
            assertThat(warning.json().get("growthPerMin").asDouble()).isPositive();
            assertThat(leadFraction).as("share of the time to OutOfMemoryError still ahead at the first direct alert")
                    .isGreaterThanOrEqualTo(MIN_LEAD_FRACTION);
            // The heap holds only the buffers' small Java objects: whatever the heap floor says, it says it later.
            assertThat(jvm.alerts()).as("the direct alert comes first")
                    .noneMatch(alert -> "heap".equals(alert.kind()) && alert.time().isBefore(warning.time()));
        }
    }
}
