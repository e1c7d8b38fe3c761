package io.leakwatch.it;

/** The {@code ContainerLeaks} scenario, whose static map leaks, with the agent exporting over OTLP every second. */
final class OtlpLeakScenario {

    /** The site that leaks: a static map that only grows. */
    static final String STATIC_MAP = "com.acme.scenarios.ContainerLeaks$PriceCache#PRICES";
    /** A window short enough for the leak to be reported within seconds, and export switched on. */
    static final String AGENT_ARGUMENT = "packages=com.acme.scenarios,interval=500ms,window=10s,exporter=otlp";
    static final int EXPORT_INTERVAL_MILLIS = 1000;

    private OtlpLeakScenario() {
    }

    /** The leaking scenario with the agent exporting to {@code endpoint} every second. */
    static ForkedJvm.Builder exportingTo(String endpoint) {
        return ForkedJvm.builder("com.acme.scenarios.ContainerLeaks")
                .agent(AGENT_ARGUMENT)
                .environment("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
                .environment("OTEL_METRIC_EXPORT_INTERVAL", Integer.toString(EXPORT_INTERVAL_MILLIS));
    }
}
