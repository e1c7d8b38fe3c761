package io.leakwatch.export.otlp;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AgentReadings;
import io.leakwatch.export.AlertSink;
import io.leakwatch.log.AgentLog;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProviderBuilder;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

/**
 * leakwatch's own OpenTelemetry SDK (relocated in the agent jar, so it never meets the application's),
 * configured from the standard {@code otel.*} / {@code OTEL_*} settings, exporting the
 * {@code leakwatch.*} metrics and one log record per alert over OTLP/HTTP. It is never made global. Both
 * signals share one HttpClient and {@link ExportThreads}: three threads in all.
 */
public final class OtlpExport {

    private static final String OTLP = "otlp";

    private final OpenTelemetrySdk sdk;
    private final OtlpAlertSink alerts;
    private final RedeliveringLogRecordExporter alertRecords;

    private OtlpExport(OpenTelemetrySdk sdk, OtlpAlertSink alerts, RedeliveringLogRecordExporter alertRecords) {
        this.sdk = sdk;
        this.alerts = alerts;
        this.alertRecords = alertRecords;
    }

    /**
     * Builds the SDK and registers the metrics; must run on the agent's thread, never in {@code premain}.
     * Empty, after one line saying why, when the settings cannot be used.
     */
    public static Optional<OtlpExport> start(AgentReadings readings, String agentVersion) {
        OtlpSecrets secrets = OtlpSecrets.ofThisJvm();
        ExportThreads threads = new ExportThreads();
        Setup setup = new Setup(secrets, threads);
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(OtlpSettings::defaults)
                    .addPropertiesCustomizer(setup::check)
                    .addResourceCustomizer((resource, config) -> AgentResource.under(resource, agentVersion))
                    .addMeterProviderCustomizer(setup::withMetricsExport)
                    .addLoggerProviderCustomizer(setup::withAlertExport)
                    .setComponentLoader(setup.components)
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (RuntimeException | LinkageError e) {
            threads.stop();
            Optional<UnsupportedSetting> unsupported = unsupportedSettingIn(e);
            AgentLog.line(unsupported.isPresent()
                    ? unsupported.get().getMessage() + "; OTLP export is off, alerts still go to the log and events.file"
                    : "OTLP export is off: the otel.* / OTEL_* settings could not be used (" + secrets.mask(oneLine(e))
                            + "); alerts still go to the log and events.file");
            return Optional.empty();
        }
        if (setup.disabled) {
            threads.stop();
            AgentLog.line("otel.sdk.disabled=true: leakwatch exports nothing over OTLP;"
                    + " alerts still go to the log and events.file");
            return Optional.empty();
        }
        new LeakwatchMetrics(sdk.getSdkMeterProvider().meterBuilder(LeakwatchMetrics.SCOPE)
                .setInstrumentationVersion(agentVersion).build(), readings, setup.alertRecords);
        OtlpExport export = new OtlpExport(sdk, new OtlpAlertSink(sdk.getSdkLoggerProvider(), agentVersion),
                setup.alertRecords);
        Runtime.getRuntime().addShutdownHook(new Thread(export::flushOnExit, "leakwatch-otlp-flush"));
        return Optional.of(export);
    }

    /** Where alerts become OTLP log records. */
    public AlertSink alertSink() {
        return alerts;
    }

    /** Sends again the alert records the endpoint has not yet accepted; called after every sampler pass. */
    public void redeliverAlerts() {
        if (alertRecords != null) {
            alertRecords.redeliver();
        }
    }

    /**
     * Waits a moment, never longer, for the last export: the JVM's exit must not hang on a slow collector.
     * A flush, not a shutdown: the HttpClient the signals share would be closed by whichever shut down first.
     */
    private void flushOnExit() {
        try {
            CompletableResultCode.ofAll(Arrays.asList(sdk.getSdkMeterProvider().forceFlush(),
                    sdk.getSdkLoggerProvider().forceFlush()))
                    .join(LeakwatchConfig.EXPORT_FLUSH_ON_EXIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // Exiting anyway.
        }
    }

    /** The SDK may wrap what a configuration callback throws. */
    private static Optional<UnsupportedSetting> unsupportedSettingIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedSetting) {
                return Optional.of((UnsupportedSetting) cause);
            }
        }
        return Optional.empty();
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** What the SDK's configuration callbacks learn and build, for {@link #start}. */
    private static final class Setup {
        final OtlpSecrets secrets;
        final ExportThreads threads;
        final ExportComponents components = new ExportComponents(this::senders);
        ExportOutcomes outcomes;
        RedeliveringLogRecordExporter alertRecords;
        boolean disabled;
        private boolean sameTlsForBothSignals;
        private SharedHttpClientSenders senders;

        Setup(OtlpSecrets secrets, ExportThreads threads) {
            this.secrets = secrets;
            this.threads = threads;
            this.outcomes = new ExportOutcomes("the OTLP endpoint", secrets);
        }

        Map<String, String> check(ConfigProperties config) {
            Optional<String> unsupported = OtlpSettings.unsupportedProtocol(config);
            if (unsupported.isPresent()) {
                throw new UnsupportedSetting(unsupported.get());
            }
            disabled = config.getBoolean("otel.sdk.disabled", false);
            outcomes = new ExportOutcomes(OtlpSettings.metricsEndpoint(config), secrets);
            sameTlsForBothSignals = OtlpSettings.sameTlsForBothSignals(config);
            return OtlpSettings.fixed();
        }

        /** One provider for both exporters, so that they share its client; made once the settings are known. */
        synchronized SharedHttpClientSenders senders() {
            if (senders == null) {
                senders = new SharedHttpClientSenders(threads, sameTlsForBothSignals);
            }
            return senders;
        }

        /** The OTLP metric exporter the settings describe, read and sent on leakwatch's sending thread. */
        SdkMeterProviderBuilder withMetricsExport(SdkMeterProviderBuilder meters, ConfigProperties config) {
            MetricExporter exporter = new ObservedMetricExporter(
                    otlp(ConfigurableMetricExporterProvider.class, ConfigurableMetricExporterProvider::getName)
                            .createExporter(config), outcomes);
            return meters.registerMetricReader(
                    new IntervalMetricReader(exporter, threads.sending(), OtlpSettings.metricExportInterval(config)));
        }

        /**
         * The OTLP log exporter the settings describe, each alert handed to it as it is emitted: alerts are rare
         * and urgent, and a batching processor would need a thread of its own.
         */
        SdkLoggerProviderBuilder withAlertExport(SdkLoggerProviderBuilder logs, ConfigProperties config) {
            LogRecordExporter exporter = otlp(ConfigurableLogRecordExporterProvider.class,
                    ConfigurableLogRecordExporterProvider::getName).createExporter(config);
            alertRecords = new RedeliveringLogRecordExporter(exporter, outcomes, LeakwatchConfig.MAX_UNDELIVERED_ALERTS);
            return logs.addLogRecordProcessor(SimpleLogRecordProcessor.create(alertRecords));
        }

        /** The SDK's OTLP exporter provider of that kind, as autoconfiguration would find it by name. */
        private <T> T otlp(Class<T> kind, Function<T, String> name) {
            for (T provider : components.load(kind)) {
                if (OTLP.equals(name.apply(provider))) {
                    return provider;
                }
            }
            throw new IllegalStateException("no OTLP exporter of " + kind.getSimpleName() + " in the agent jar");
        }
    }

    /** A setting leakwatch cannot honour, with the one line that says so. */
    private static final class UnsupportedSetting extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedSetting(String message) {
            super(message, null, false, false);
        }
    }
}
