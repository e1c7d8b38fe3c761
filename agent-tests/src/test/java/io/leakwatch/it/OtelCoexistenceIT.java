package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.leakwatch.it.otlp.OtlpArrivals;
import io.leakwatch.it.otlp.OtlpReceiver;

/** leakwatch's relocated OpenTelemetry beside the application's own SDK, and beside the OpenTelemetry Java agent. */
class OtelCoexistenceIT {

    private static final Path OTEL_JAVAAGENT = Paths.get(System.getProperty("leakwatch.otelJavaagent"));
    private static final String OWN_SDK_LEAK = "com.acme.scenarios.OwnOpenTelemetry#RECENT_ORDERS";

    @Test
    void anApplicationsOwnSdkAndGlobalOpenTelemetryAreUnaffected() {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.OwnOpenTelemetry")
                        .classpath(System.getProperty("java.class.path"))
                        .agent(OtlpLeakScenario.AGENT_ARGUMENT)
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                        .environment("OTEL_METRIC_EXPORT_INTERVAL", "1000")
                        .environment("OTEL_SERVICE_NAME", "shop")
                        .argument(receiver.endpoint())
                        .start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> jvm.stdout().contains("started"));
            assertThat(jvm.stdout()).contains("global is own: true");

            AlertRecord alert = jvm.awaitWarning(OWN_SDK_LEAK);
            OtlpArrivals.awaitAlertRecord(receiver, OWN_SDK_LEAK, "WARNING");
            Instant raised = Instant.parse(alert.text("time"));
            assertThat(OtlpArrivals.awaitMetric(receiver, "leakwatch.container.size", Map.of("site", OWN_SDK_LEAK),
                    raised).resource()).containsEntry("service.name", "shop");
            assertThat(OtlpArrivals.awaitMetric(receiver, "shop.checkouts", Map.of(), raised))
                    .satisfies(m -> assertThat(m.scope()).isEqualTo("com.acme.shop"))
                    .satisfies(m -> assertThat(m.resource()).containsEntry("service.name", "shop-own-sdk")
                            .containsEntry("telemetry.sdk.version", System.getProperty("leakwatch.appOtelVersion")))
                    .satisfies(m -> assertThat(m.value()).isPositive());
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("OTLP") || line.contains("Exception"));
        }
    }

    @ParameterizedTest(name = "OpenTelemetry Java agent {0} leakwatch")
    @ValueSource(strings = {"before", "after"})
    void bothAgentsExportAndNeitherBreaks(String order) {
        String otelAgent = "-javaagent:" + OTEL_JAVAAGENT;
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = withOtelAgent(OtlpLeakScenario.exportingTo(receiver.endpoint()), otelAgent, order)
                        .environment("OTEL_SERVICE_NAME", "checkout")
                        .start()) {
            AlertRecord alert = jvm.awaitWarning(OtlpLeakScenario.STATIC_MAP);
            Instant raised = Instant.parse(alert.text("time"));
            OtlpArrivals.awaitAlertRecord(receiver, OtlpLeakScenario.STATIC_MAP, "WARNING");
            assertThat(OtlpArrivals.awaitMetric(receiver, "leakwatch.container.size",
                    Map.of("site", OtlpLeakScenario.STATIC_MAP), raised).scope()).isEqualTo("io.leakwatch");
            assertThat(OtlpArrivals.awaitMetric(receiver, "jvm.memory.used", Map.of(), raised))
                    .satisfies(m -> assertThat(m.scope()).startsWith("io.opentelemetry.runtime-telemetry"))
                    .satisfies(m -> assertThat(m.resource()).containsEntry("service.name", "checkout"));
            assertThat(jvm.stderr()).noneMatch(line -> line.startsWith("[leakwatch] could not")
                    || line.contains("OTLP export to") || line.contains("Exception"));
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static ForkedJvm.Builder withOtelAgent(ForkedJvm.Builder builder, String otelAgent, String order) {
        return "before".equals(order) ? builder.jvmOptionBeforeAgent(otelAgent) : builder.jvmOption(otelAgent);
    }
}
