package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leakwatch.it.otlp.OtlpArrivals;
import io.leakwatch.it.otlp.OtlpReceiver;

/**
 * Nothing an application does to its streams or its heap may stop monitoring for good: a {@code System.err}
 * that throws costs only the stderr lines (counted), never the events file or later alerts, and a heap that
 * was full for a while leaves the sampler running.
 */
class MonitoringSurvivalIT {

    private static final String FIRST_LEAK = "com.acme.scenarios.BrokenStderr$FirstLeak#ENTRIES";
    private static final String SECOND_LEAK = "com.acme.scenarios.BrokenStderr$SecondLeak#ENTRIES";
    private static final String LATE_LEAK = "com.acme.scenarios.HeapSqueeze$LateLeak#ENTRIES";
    private static final String FAST_WINDOW = "packages=com.acme.scenarios,interval=250ms,window=3s";

    @Test
    void aThrowingStderrCostsOnlyItsOwnLinesAndIsCounted() throws IOException {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.BrokenStderr")
                        .agent(FAST_WINDOW + ",exporter=otlp")
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                        .environment("OTEL_METRIC_EXPORT_INTERVAL", "500")
                        .start()) {
            AlertRecord first = jvm.awaitWarning(FIRST_LEAK);

            tell(jvm, "second");
            jvm.awaitWarning(SECOND_LEAK);

            assertThat(jvm.isAlive()).isTrue();
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("WARNING container"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> receiver.metrics().stream().anyMatch(metric -> metric.name()
                            .equals("leakwatch.errors.suppressed") && metric.receivedAt().isAfter(first.time())
                            && "alert_sink".equals(metric.attributes().get("source")) && metric.value() >= 2));
        }
    }

    @Test
    void aHealthyRunSuppressesNothingAndSkipsNoClass() {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = OtlpLeakScenario.exportingTo(receiver.endpoint()).start()) {
            AlertRecord warning = jvm.awaitWarning(OtlpLeakScenario.STATIC_MAP);
            for (String source : List.of("log", "alert_sink", "sampler_pass", "gc_notification")) {
                assertThat(OtlpArrivals.awaitMetric(receiver, "leakwatch.errors.suppressed", Map.of("source", source),
                        warning.time()).value()).as(source).isZero();
            }
            assertThat(OtlpArrivals.awaitMetric(receiver, "leakwatch.classes.skipped",
                    Map.of("reason", "bridge_not_visible"), warning.time()).value()).isZero();
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("cannot see io.leakwatch.bootstrap"));
        }
    }

    @Test
    void aRestoredStderrGetsTheAlertLinesAgain() throws IOException {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.BrokenStderr")
                .agent(FAST_WINDOW)
                .argument("restore")
                .start()) {
            jvm.awaitWarning(FIRST_LEAK);

            tell(jvm, "second");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jvm.stderr().stream()
                            .anyMatch(line -> line.startsWith("[leakwatch] WARNING container " + SECOND_LEAK)));
            assertThat(jvm.stderr()).noneMatch(line -> line.contains(FIRST_LEAK));
        }
    }

    @Test
    void monitoringGoesOnAfterTheHeapWasFull() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.HeapSqueeze")
                .agent(FAST_WINDOW)
                .jvmOption("-Xmx32m")
                .argument("3000")
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jvm.stdout().stream().anyMatch(line -> line.startsWith("heap was full")));

            jvm.awaitWarning(LATE_LEAK);
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static void tell(ForkedJvm jvm, String command) throws IOException {
        Writer stdin = new OutputStreamWriter(jvm.process().getOutputStream(), StandardCharsets.UTF_8);
        stdin.write(command + "\n");
        stdin.flush();
    }
}
