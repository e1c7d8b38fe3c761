package io.leakwatch.export.otlp;

import java.util.HashMap;
import java.util.Map;
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

    private OtlpSettings() {
    }

    /** Settings the user may override: OTLP over HTTP, as the specification's default and our sender have it. */
    static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put(PROTOCOL, HTTP_PROTOBUF);
        return defaults;
    }

    /** Settings leakwatch fixes: metrics and logs over OTLP, never traces. */
    static Map<String, String> fixed() {
        Map<String, String> fixed = new HashMap<>();
        fixed.put("otel.traces.exporter", "none");
        fixed.put("otel.metrics.exporter", "otlp");
        fixed.put("otel.logs.exporter", "otlp");
        return fixed;
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
