package io.leakwatch.export.otlp;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.leakwatch.log.EchoedValue;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * How leakwatch reads the standard {@code otel.*} / {@code OTEL_*} settings. Endpoint, headers, TLS,
 * compression, timeout, resource and export interval are the user's; which signals are exported is
 * leakwatch's, since the user's {@code OTEL_*_EXPORTER} choices are meant for the application's own SDK.
 */
final class OtlpSettings {

    static final String HTTP_PROTOBUF = "http/protobuf";
    private static final String PROTOCOL = "otel.exporter.otlp.protocol";
    private static final String[] PROTOCOL_KEYS = {
        PROTOCOL, "otel.exporter.otlp.metrics.protocol", "otel.exporter.otlp.logs.protocol"};
    /** The specification's default, as the SDK's autoconfiguration has it. */
    private static final Duration DEFAULT_METRIC_EXPORT_INTERVAL = Duration.ofMinutes(1);
    /** The files that make an exporter's TLS context, each settable for all signals or per signal. */
    private static final String[] TLS_FILE_SETTINGS = {"certificate", "client.key", "client.certificate"};

    private OtlpSettings() {
    }

    /** Settings the user may override: OTLP over HTTP, as the specification's default and our sender have it. */
    static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put(PROTOCOL, HTTP_PROTOBUF);
        return defaults;
    }

    /**
     * Settings leakwatch fixes: the SDK's autoconfiguration builds no exporter. {@link OtlpExport} builds the
     * OTLP ones for metrics and logs itself, from the same settings, so that they share threads; left to it,
     * autoconfiguration would give each signal threads of its own. Never traces.
     */
    static Map<String, String> fixed() {
        Map<String, String> fixed = new HashMap<>();
        fixed.put("otel.traces.exporter", "none");
        fixed.put("otel.metrics.exporter", "none");
        fixed.put("otel.logs.exporter", "none");
        return fixed;
    }

    /** How often metrics are exported: {@code otel.metric.export.interval}, as the SDK reads it. */
    static Duration metricExportInterval(ConfigProperties config) {
        return config.getDuration("otel.metric.export.interval", DEFAULT_METRIC_EXPORT_INTERVAL);
    }

    /** Whether metrics and logs are to use the same certificate files, so one HttpClient can send both. */
    static boolean sameTlsForBothSignals(ConfigProperties config) {
        for (String setting : TLS_FILE_SETTINGS) {
            if (!Objects.equals(tlsFile(config, "metrics", setting), tlsFile(config, "logs", setting))) {
                return false;
            }
        }
        return true;
    }

    /** The per-signal setting if there is one, else the one for all signals, as the SDK chooses. */
    private static String tlsFile(ConfigProperties config, String signal, String setting) {
        String perSignal = config.getString("otel.exporter.otlp." + signal + "." + setting);
        return perSignal != null ? perSignal : config.getString("otel.exporter.otlp." + setting);
    }

    /** Why the configured protocol cannot be used, if it cannot: only http/protobuf fits in the agent jar. */
    static Optional<String> unsupportedProtocol(ConfigProperties config) {
        for (String key : PROTOCOL_KEYS) {
            String protocol = config.getString(key);
            if (protocol != null && !HTTP_PROTOBUF.equals(protocol)) {
                return Optional.of(key + "=" + EchoedValue.of(protocol) + " is not supported: leakwatch sends OTLP as "
                        + HTTP_PROTOBUF + " only (gRPC would need OkHttp in the agent jar); set it to "
                        + HTTP_PROTOBUF + " and point the endpoint at the collector's HTTP port, usually 4318");
            }
        }
        return Optional.empty();
    }

    /** The endpoint metrics go to, for notices; as configured, so credentials and all: pass it through {@link RedactedUrl}. */
    static String metricsEndpoint(ConfigProperties config) {
        String endpoint = config.getString("otel.exporter.otlp.metrics.endpoint");
        if (endpoint != null) {
            return endpoint;
        }
        return config.getString("otel.exporter.otlp.endpoint", "http://localhost:4318");
    }
}
