package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;

class OtlpSettingsTest {

    private static Optional<String> unsupported(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(OtlpSettings.defaults());
        all.putAll(settings);
        return OtlpSettings.unsupportedProtocol(DefaultConfigProperties.createFromMap(all));
    }

    @Test
    void httpProtobufIsTheDefaultAndAccepted() {
        assertTrue(unsupported(Map.of()).isEmpty());
        assertTrue(unsupported(Map.of("otel.exporter.otlp.protocol", "http/protobuf")).isEmpty());
    }

    @Test
    void grpcIsRefusedWhereverItIsSet() {
        assertEquals(Optional.of("otel.exporter.otlp.protocol=grpc is not supported: leakwatch sends OTLP as"
                        + " http/protobuf only (gRPC would need OkHttp in the agent jar); set it to http/protobuf"
                        + " and point the endpoint at the collector's HTTP port, usually 4318"),
                unsupported(Map.of("otel.exporter.otlp.protocol", "grpc")));
        assertTrue(unsupported(Map.of("otel.exporter.otlp.logs.protocol", "grpc")).orElseThrow()
                .startsWith("otel.exporter.otlp.logs.protocol=grpc is not supported"));
        assertTrue(unsupported(Map.of("otel.exporter.otlp.metrics.protocol", "http/json")).isPresent());
    }

    @Test
    void leakwatchBuildsItsExportersItself() {
        assertEquals(Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none"), OtlpSettings.fixed());
    }

    @Test
    void theMetricExportIntervalIsTheStandardSetting() {
        assertEquals(Duration.ofMinutes(1), OtlpSettings.metricExportInterval(DefaultConfigProperties.createFromMap(Map.of())));
        assertEquals(Duration.ofMillis(500), OtlpSettings.metricExportInterval(DefaultConfigProperties.createFromMap(
                Map.of("otel.metric.export.interval", "500"))));
        assertEquals(Duration.ofSeconds(15), OtlpSettings.metricExportInterval(DefaultConfigProperties.createFromMap(
                Map.of("otel.metric.export.interval", "15s"))));
    }

    @Test
    void signalsShareTlsUnlessAPerSignalFileDiffers() {
        assertTrue(sameTls(Map.of()));
        assertTrue(sameTls(Map.of("otel.exporter.otlp.certificate", "/ca.pem")));
        assertTrue(sameTls(Map.of("otel.exporter.otlp.certificate", "/ca.pem",
                "otel.exporter.otlp.logs.certificate", "/ca.pem")));
        assertFalse(sameTls(Map.of("otel.exporter.otlp.certificate", "/ca.pem",
                "otel.exporter.otlp.metrics.certificate", "/other.pem")));
        assertFalse(sameTls(Map.of("otel.exporter.otlp.logs.client.key", "/key.pem",
                "otel.exporter.otlp.logs.client.certificate", "/cert.pem")));
    }

    private static boolean sameTls(Map<String, String> settings) {
        return OtlpSettings.sameTlsForBothSignals(DefaultConfigProperties.createFromMap(settings));
    }

    @Test
    void noticesNameTheMetricsEndpoint() {
        assertEquals("http://localhost:4318", OtlpSettings.metricsEndpoint(DefaultConfigProperties.createFromMap(Map.of())));
        assertEquals("http://m:4318/v1/metrics", OtlpSettings.metricsEndpoint(DefaultConfigProperties.createFromMap(
                Map.of("otel.exporter.otlp.endpoint", "http://c:4318",
                        "otel.exporter.otlp.metrics.endpoint", "http://m:4318/v1/metrics"))));
    }
}
