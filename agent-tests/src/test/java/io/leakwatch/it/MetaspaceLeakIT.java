package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plugin registry keeps every class loader it ever created, each with its own copy of a class, until the
 * JVM dies of {@code OutOfMemoryError: Metaspace} about 90 s in; the heap holds little. The metaspace alert,
 * with its projection against {@code MaxMetaspaceSize}, must come while at least half of the time from
 * start to the error is still ahead. It cannot come before the JVM's second collection that unloads classes
 * (G1 keeps young dead loaders through the first), which this small program reaches only at about 36 MB of
 * committed metadata: hence a 96 MB limit rather than 64 MB, with which less than half would be left. Without a limit the same growth is still a WARNING, without a
 * projection. CI runs G1 on JDK 17; the full matrix ({@code scripts/soak}) adds ZGC and JDK 25, for the README's table.
 */
class MetaspaceLeakIT {

    private static final double MIN_LEAD_FRACTION = 0.5;
    private static final String LOADERS_PER_SECOND = "100";
    private static final long MAX_METASPACE = 96L * 1024 * 1024;

    static Stream<Arguments> collectors() {
        return GcMatrix.jdkRuns("G1, JDK 17");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collectors")
    void warnsWithAtLeastHalfTheTimeToOutOfMemoryAhead(String name, Path javaHome, String collector) {
        Assumptions.assumeTrue(Files.isExecutable(javaHome.resolve("bin/java")), "no JDK at " + javaHome);
        try (ForkedJvm jvm = ForkedJvm.builder("org.other.scenarios.ClassLoaderShapes")
                .javaHome(javaHome)
                .agent("interval=500ms,window=10s")
                .jvmOption(collector)
                .jvmOption("-Xmx96m")
                .jvmOption("-XX:MaxMetaspaceSize=96m")
                .jvmOption("-XX:+ExitOnOutOfMemoryError")
                .argument("leak")
                .argument(LOADERS_PER_SECOND)
                .start()) {
            AtomicLong exitedAt = new AtomicLong();
            jvm.process().onExit().thenRun(() -> exitedAt.set(System.currentTimeMillis()));
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> exitedAt.get() > 0);

            assertThat(jvm.stdout()).as("the leak ends in OutOfMemoryError: Metaspace; stderr: %s", jvm.stderr())
                    .anyMatch(line -> line.contains("Terminating due to java.lang.OutOfMemoryError: Metaspace"));
            long startedAt = startedAt(jvm);
            AlertRecord warning = jvm.alerts().stream()
                    .filter(alert -> "metaspace".equals(alert.kind()) && "Metaspace".equals(alert.text("pool")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no metaspace alert before the OutOfMemoryError: "
                            + jvm.alerts()));
            long alertedAt = warning.time().toEpochMilli();
            double leadFraction = (exitedAt.get() - alertedAt) / (double) (exitedAt.get() - startedAt);
            System.out.printf("%s: metaspace %s at %.1f s, OutOfMemoryError at %.1f s, lead fraction %.2f, "
                            + "projected %.0f s to exhaustion%n", name, warning.severity(),
                    (alertedAt - startedAt) / 1000.0, (exitedAt.get() - startedAt) / 1000.0, leadFraction,
                    warning.json().get("secondsToExhaustion").asDouble());

            assertThat(warning.severity()).isIn("WARNING", "CRITICAL");
            assertThat(warning.has("site")).isFalse();
            assertThat(warning.json().get("heapMax").asLong()).isEqualTo(MAX_METASPACE);
            assertThat(warning.json().get("heapUsedAfterGc").asLong()).isPositive().isLessThan(MAX_METASPACE);
            assertThat(warning.json().get("secondsToExhaustion").asDouble()).isPositive();
            assertThat(warning.json().get("growthPerMin").asDouble()).isPositive();
            assertThat(leadFraction).as("share of the time to OutOfMemoryError still ahead at the first metaspace alert")
                    .isGreaterThanOrEqualTo(MIN_LEAD_FRACTION);
        }
    }

    @Test
    void warnsWithoutAProjectionWhenMetaspaceIsUnlimited() {
        // The soak's (scripts/soak), so that CI stays under half an hour: CI's lead-time case runs the same judgement.
        Assumptions.assumeTrue(GcMatrix.isFullMatrix(), "run by scripts/soak");
        try (ForkedJvm jvm = ForkedJvm.builder("org.other.scenarios.ClassLoaderShapes")
                .agent("interval=500ms,window=10s")
                .jvmOption("-XX:+UseG1GC")
                .jvmOption("-Xmx96m")
                .argument("leak")
                .argument(LOADERS_PER_SECOND)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> jvm.alerts().stream().anyMatch(alert -> "metaspace".equals(alert.kind())));
            AlertRecord warning = jvm.alerts().stream().filter(alert -> "metaspace".equals(alert.kind()))
                    .findFirst().orElseThrow();
            assertThat(warning.severity()).isEqualTo("WARNING");
            assertThat(warning.text("pool")).isEqualTo("Metaspace");
            assertThat(warning.has("heapMax")).as("no limit to report: %s", warning).isFalse();
            assertThat(warning.has("secondsToExhaustion")).as("nothing to project against: %s", warning).isFalse();
            assertThat(warning.json().get("heapUsedAfterGc").asLong()).isPositive();
            assertThat(warning.json().get("growthPerMin").asDouble()).isPositive();
            assertThat(jvm.stderr()).anyMatch(line -> line.startsWith("[leakwatch] WARNING metaspace pool 'Metaspace'"));
        }
    }

    static long startedAt(ForkedJvm jvm) {
        return Long.parseLong(jvm.stdout().stream().filter(line -> line.startsWith("started at "))
                .findFirst().orElseThrow().substring("started at ".length()));
    }
}
