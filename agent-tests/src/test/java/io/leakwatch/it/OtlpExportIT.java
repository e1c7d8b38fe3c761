package io.leakwatch.it;

import static io.leakwatch.it.OtlpLeakScenario.AGENT_ARGUMENT;
import static io.leakwatch.it.OtlpLeakScenario.EXPORT_INTERVAL_MILLIS;
import static io.leakwatch.it.OtlpLeakScenario.STATIC_MAP;
import static io.leakwatch.it.OtlpLeakScenario.exportingTo;
import static io.leakwatch.it.otlp.OtlpArrivals.awaitAlertRecord;
import static io.leakwatch.it.otlp.OtlpArrivals.awaitMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.leakwatch.it.otlp.OtlpReceiver;
import io.leakwatch.it.otlp.OtlpReceiver.ReceivedLog;
import io.leakwatch.it.otlp.OtlpReceiver.ReceivedMetric;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

/** A leak in a forked JVM reaches an OTLP receiver as metrics and as an alert log record, decoded from real protobuf. */
class OtlpExportIT {

    /** The exporter's budget: both signals share one sender (issue 13). */
    private static final int MAX_EXPORT_THREADS = 3;
    /** A thread dump line's name, and whether it is a daemon. */
    private static final Pattern THREAD_LINE = Pattern.compile("^\"([^\"]+)\" #\\d+ (daemon )?", Pattern.MULTILINE);
    /** The agent's own threads and those the OpenTelemetry SDK or the JDK's HttpClient would start for it. */
    private static final Pattern EXPORT_THREAD = Pattern.compile(
            "leakwatch-.*|HttpClient-.*|PeriodicMetricReader.*|BatchLogRecordProcessor.*|jdkhttp-.*|OkHttp.*");
    /** The agent's threads that are not export's: the sampler, its watchdog, and the evidence an alert starts. */
    private static final Set<String> MONITORING_THREADS =
            Set.of("leakwatch-sampler", "leakwatch-watchdog", "leakwatch-evidence");

    @Test
    void deliversTheLeakingSiteAndTheAlertTheEventsFileHolds() {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = exportingTo(receiver.endpoint())
                        .environment("OTEL_SERVICE_NAME", "checkout")
                        .environment("OTEL_RESOURCE_ATTRIBUTES", "service.version=1.4.2,deployment.environment.name=it")
                        .start()) {
            AlertRecord alert = jvm.awaitWarning(STATIC_MAP);
            Instant raised = Instant.parse(alert.text("time"));

            // No delivery time is promised (an alert is sent as it is raised, on a thread a loaded machine may
            // hold up): the record is waited for, and must be the very alert the events file holds.
            ReceivedLog record = awaitAlertRecord(receiver, STATIC_MAP, "WARNING");
            assertThat(record.eventName()).isEqualTo("leakwatch.alert");
            assertThat(record.severityNumber()).isEqualTo(13);
            assertThat(record.body()).startsWith("[leakwatch] WARNING container " + STATIC_MAP);
            assertThat(jvm.stderr()).contains(record.body());
            assertThat(record.timestamp()).isEqualTo(raised);
            assertThat(record.scope()).isEqualTo("io.leakwatch");
            assertThat(record.attributes()).containsEntry("kind", "container").containsEntry("severity", "WARNING")
                    .containsEntry("type", "java.util.HashMap").containsEntry("size", alert.text("size"))
                    .containsEntry("time", alert.text("time")).containsKeys("growthPerMin", "estimatedBytes");

            ReceivedMetric size = awaitMetric(receiver, "leakwatch.container.size", Map.of("site", STATIC_MAP),
                    raised);
            assertThat(size.unit()).isEqualTo("{element}");
            assertThat(size.type()).isEqualTo("gauge");
            assertThat(size.attributes()).containsEntry("type", "java.util.HashMap");
            assertThat(size.value()).isGreaterThan(1000);
            assertThat(size.scope()).isEqualTo("io.leakwatch");
            assertThat(awaitMetric(receiver, "leakwatch.container.growth_rate", Map.of("site", STATIC_MAP), raised))
                    .satisfies(m -> assertThat(m.unit()).isEqualTo("{element}/s"))
                    .satisfies(m -> assertThat(m.value()).isPositive());
            assertThat(awaitMetric(receiver, "leakwatch.container.retained", Map.of("site", STATIC_MAP), raised))
                    .satisfies(m -> assertThat(m.unit()).isEqualTo("By"))
                    .satisfies(m -> assertThat(m.value()).isPositive());
            assertThat(awaitMetric(receiver, "leakwatch.alerts.active",
                    Map.of("severity", "WARNING", "kind", "container"), raised).value()).isGreaterThanOrEqualTo(1);

            ReceivedMetric live = awaitMetric(receiver, "leakwatch.heap.live", Map.of(), raised);
            assertThat(live.unit()).isEqualTo("By");
            assertThat(live.attributes()).containsKey("pool");
            assertThat(awaitMetric(receiver, "leakwatch.heap.limit", Map.of("pool", live.attributes().get("pool")),
                    raised).value()).isGreaterThan(live.value());
            assertThat(awaitMetric(receiver, "leakwatch.pool.used", Map.of("kind", "metaspace", "pool", "Metaspace"),
                    raised)).satisfies(m -> assertThat(m.unit()).isEqualTo("By"))
                    .satisfies(m -> assertThat(m.value()).isPositive());
            assertThat(awaitMetric(receiver, "leakwatch.pool.limit", Map.of("kind", "direct", "pool", "direct"),
                    raised).value()).isPositive();
            assertThat(awaitMetric(receiver, "leakwatch.gc.pause.count", Map.of(), raised))
                    .satisfies(m -> assertThat(m.type()).isEqualTo("sum"))
                    .satisfies(m -> assertThat(m.attributes()).containsKey("gc"));
            assertThat(awaitMetric(receiver, "leakwatch.sampler.duration", Map.of("quantile", "0.99"), raised).unit())
                    .isEqualTo("s");
            assertThat(awaitMetric(receiver, "leakwatch.containers.tracked", Map.of(), raised).value()).isPositive();
            assertThat(awaitMetric(receiver, "leakwatch.errors.suppressed", Map.of("source", "field_write"), raised)
                    .value()).isZero();

            assertThat(size.resource()).containsEntry("service.name", "checkout")
                    .containsEntry("service.version", "1.4.2")
                    .containsEntry("deployment.environment.name", "it")
                    .containsEntry("process.pid", Long.toString(jvm.process().pid()))
                    .containsEntry("telemetry.distro.name", "leakwatch")
                    .containsKeys("service.instance.id", "host.name", "telemetry.sdk.version");
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("OTLP"));
        }
    }

    @Test
    void bothSignalsShareAtMostThreeDaemonThreads() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = exportingTo(receiver.endpoint()).start()) {
            AlertRecord alert = jvm.awaitWarning(STATIC_MAP);
            awaitAlertRecord(receiver, STATIC_MAP, "WARNING");
            awaitMetric(receiver, "leakwatch.container.size", Map.of("site", STATIC_MAP),
                    Instant.parse(alert.text("time")));

            List<MatchResult> threads = THREAD_LINE.matcher(jvm.threadDump()).results().toList();
            List<MatchResult> exportThreads = threads.stream()
                    .filter(thread -> EXPORT_THREAD.matcher(thread.group(1)).matches()
                            && !MONITORING_THREADS.contains(thread.group(1)))
                    .toList();
            assertThat(exportThreads).extracting(thread -> thread.group(1))
                    .as("threads OTLP export added, of all: %s", threads.stream().map(thread -> thread.group(1)).toList())
                    .hasSizeLessThanOrEqualTo(MAX_EXPORT_THREADS);
            assertThat(exportThreads).filteredOn(thread -> thread.group(2) == null).extracting(thread -> thread.group(1))
                    .as("export threads that would keep the JVM alive").isEmpty();
        }
    }

    @Test
    void exporterNoneSendsNothing() {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = exportingTo(receiver.endpoint()).agent(AGENT_ARGUMENT.replace("exporter=otlp", "exporter=none")).start()) {
            jvm.awaitWarning(STATIC_MAP);
            await().during(Duration.ofMillis(3 * EXPORT_INTERVAL_MILLIS)).atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.metricRequests().isEmpty() && receiver.logRequests().isEmpty()
                            && receiver.traceRequestCount() == 0);
        }
    }

    @Test
    void grpcIsRefusedInOneLineAndTheApplicationRuns() {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = exportingTo(receiver.endpoint())
                        .environment("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc").start()) {
            jvm.awaitWarning(STATIC_MAP);
            assertThat(jvm.stderr()).filteredOn(line -> line.contains("OTLP")).singleElement().asString()
                    .startsWith("[leakwatch] otel.exporter.otlp.protocol=grpc is not supported")
                    .contains("http/protobuf");
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    @Test
    void theApplicationStillChoosesItsLogManagerAfterTheSdkHasRun() throws IOException {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.LateLogManager")
                        .agent("exporter=otlp")
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                        .environment("OTEL_METRIC_EXPORT_INTERVAL", "500")
                        .start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.metricRequests().isEmpty());
            Writer stdin = new OutputStreamWriter(jvm.process().getOutputStream(), StandardCharsets.UTF_8);
            stdin.write("choose your log manager\n");
            stdin.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> jvm.stdout().stream()
                    .anyMatch(line -> line.startsWith("log manager: ")));
            assertThat(jvm.stdout()).contains("log manager: com.acme.scenarios.LateLogManager$QuietLogManager");
        }
    }

    @Test
    void everyGrafanaDashboardQueryReadsAMetricTheAgentExports() throws IOException {
        assertThat(GrafanaDashboard.metricNames("sum by (source) (increase(leakwatch_errors_suppressed_total"
                + "{job=~\"$job\",quantile=\"0.99\"}[$__rate_interval])) > 0 and on (job) leakwatch_x"))
                .as("the query reader itself").containsExactly("leakwatch_errors_suppressed_total", "leakwatch_x");
        List<String> queries = GrafanaDashboard.queries();
        assertThat(queries).hasSizeGreaterThan(15);
        Set<String> read = new TreeSet<>();
        for (String query : queries) {
            Set<String> names = GrafanaDashboard.metricNames(query);
            assertThat(names).as("metrics read by " + query).isNotEmpty();
            read.addAll(names);
        }
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.HeapAndBufferLeak")
                        .agent("packages=com.acme.scenarios,interval=250ms,window=5s,exporter=otlp")
                        .jvmOption("-Xmx512m").jvmOption("-XX:MaxDirectMemorySize=512m")
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                        .environment("OTEL_METRIC_EXPORT_INTERVAL", Integer.toString(EXPORT_INTERVAL_MILLIS))
                        .start()) {
            // Some metrics exist only while a pool rises or after a collection: waited for, not assumed.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(exportedPrometheusNames(receiver))
                            .as("Prometheus names of the metrics received; the dashboard reads " + read)
                            .containsAll(read));
        }
    }

    /** What the collector calls each metric the receiver got with at least one data point. */
    private static Set<String> exportedPrometheusNames(OtlpReceiver receiver) {
        Set<String> names = new TreeSet<>();
        for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
            for (ResourceMetrics resource : request.getResourceMetricsList()) {
                for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                    for (Metric metric : scope.getMetricsList()) {
                        boolean hasPoints = metric.getGauge().getDataPointsCount() > 0
                                || metric.getSum().getDataPointsCount() > 0;
                        if (hasPoints) {
                            names.add(GrafanaDashboard.prometheusName(metric));
                        }
                    }
                }
            }
        }
        return names;
    }
}
