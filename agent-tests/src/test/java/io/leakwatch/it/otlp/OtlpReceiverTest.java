package io.leakwatch.it.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;

class OtlpReceiverTest {

    // HTTP/1.1 like the OTLP exporters; the default would first try an h2c upgrade.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private OtlpReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = OtlpReceiver.start();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void acceptsMetricsAndFlattensTheirPoints() throws Exception {
        Instant before = Instant.now();
        HttpResponse<byte[]> response = post("/v1/metrics", metricsRequest().toByteArray(), false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        assertThat(ExportMetricsServiceResponse.parseFrom(response.body()))
                .isEqualTo(ExportMetricsServiceResponse.getDefaultInstance());
        assertThat(receiver.metricRequests()).containsExactly(metricsRequest());
        assertThat(receiver.metrics()).singleElement().satisfies(metric -> {
            assertThat(metric.resource()).isEqualTo(Map.of("service.name", "demo"));
            assertThat(metric.scope()).isEqualTo("io.leakwatch");
            assertThat(metric.name()).isEqualTo("leakwatch.heap.used");
            assertThat(metric.unit()).isEqualTo("By");
            assertThat(metric.type()).isEqualTo("gauge");
            assertThat(metric.attributes()).isEqualTo(Map.of("pool", "G1 Old Gen", "tenured", "true"));
            assertThat(metric.value()).isEqualTo(1234.0);
            assertThat(metric.receivedAt()).isBetween(before, Instant.now());
        });
        assertThat(receiver.failedRequests()).isZero();
    }

    @Test
    void decodesGzippedRequests() throws Exception {
        HttpResponse<byte[]> response = post("/v1/metrics", gzip(metricsRequest().toByteArray()), true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receiver.metricRequests()).containsExactly(metricsRequest());
        assertThat(receiver.metrics()).extracting(OtlpReceiver.ReceivedMetric::name)
                .containsExactly("leakwatch.heap.used");
    }

    @Test
    void acceptsLogsAndFlattensTheirRecords() throws Exception {
        Instant timestamp = Instant.parse("2025-01-02T03:04:05.123456789Z");
        ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(ResourceLogs.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "demo")))
                        .addScopeLogs(ScopeLogs.newBuilder()
                                .setScope(InstrumentationScope.newBuilder().setName("io.leakwatch"))
                                .addLogRecords(LogRecord.newBuilder()
                                        .setEventName("leakwatch.leak.suspected")
                                        .setSeverityText("WARN")
                                        .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)
                                        .setBody(AnyValue.newBuilder().setStringValue("heap grows"))
                                        .setTimeUnixNano(timestamp.getEpochSecond() * 1_000_000_000L
                                                + timestamp.getNano())
                                        .addAttributes(KeyValue.newBuilder().setKey("pools")
                                                .setValue(AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
                                                        .addValues(AnyValue.newBuilder().setStringValue("eden"))
                                                        .addValues(AnyValue.newBuilder().setIntValue(2)))))
                                        .addAttributes(KeyValue.newBuilder().setKey("ratio")
                                                .setValue(AnyValue.newBuilder().setDoubleValue(0.5))))))
                .build();

        HttpResponse<byte[]> response = post("/v1/logs", request.toByteArray(), false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receiver.logRequests()).containsExactly(request);
        assertThat(receiver.logs()).singleElement().satisfies(log -> {
            assertThat(log.resource()).isEqualTo(Map.of("service.name", "demo"));
            assertThat(log.scope()).isEqualTo("io.leakwatch");
            assertThat(log.eventName()).isEqualTo("leakwatch.leak.suspected");
            assertThat(log.severityText()).isEqualTo("WARN");
            assertThat(log.severityNumber()).isEqualTo(13);
            assertThat(log.body()).isEqualTo("heap grows");
            assertThat(log.attributes()).isEqualTo(Map.of("pools", "eden,2", "ratio", "0.5"));
            assertThat(log.timestamp()).isEqualTo(timestamp);
        });
        assertThat(receiver.metrics()).isEmpty();
    }

    @Test
    void failingModesAnswerWithTheirStatusAndRecordNothing() throws Exception {
        receiver.respondWith(OtlpReceiver.Mode.FAIL_500);
        assertThat(post("/v1/metrics", metricsRequest().toByteArray(), false).statusCode()).isEqualTo(500);

        receiver.respondWith(OtlpReceiver.Mode.THROTTLE_429);
        HttpResponse<byte[]> throttled = post("/v1/metrics", metricsRequest().toByteArray(), false);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");

        assertThat(receiver.metricRequests()).isEmpty();
        assertThat(receiver.metrics()).isEmpty();
        assertThat(receiver.failedRequests()).isEqualTo(2);
    }

    @Test
    void rejectsJsonAndUnknownPaths() throws Exception {
        HttpRequest json = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/metrics"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        assertThat(CLIENT.send(json, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(415);
        assertThat(post("/v1/profiles", new byte[0], false).statusCode()).isEqualTo(404);
        assertThat(receiver.metricRequests()).isEmpty();
    }

    @Test
    void hangingExchangeDoesNotBlockOthersAndIsReleasedOnClose() throws Exception {
        receiver.respondWith(OtlpReceiver.Mode.HANG);
        HttpRequest hanging = protobufPost("/v1/metrics", metricsRequest().toByteArray(), false)
                .timeout(Duration.ofSeconds(1))
                .build();
        assertThatThrownBy(() -> CLIENT.send(hanging, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(receiver.failedRequests()).isEqualTo(1);

        // The first exchange still hangs on a pool thread; another one must get through.
        receiver.respondWith(OtlpReceiver.Mode.ACCEPT);
        assertThat(post("/v1/metrics", metricsRequest().toByteArray(), false).statusCode()).isEqualTo(200);
        assertThat(receiver.metricRequests()).hasSize(1);

        assertTimeoutPreemptively(Duration.ofSeconds(5), receiver::close);
    }

    @Test
    void startsOnAPortAgreedBefore() {
        int port = OtlpReceiver.freePort();
        try (OtlpReceiver late = OtlpReceiver.startOn(port)) {
            assertThat(late.port()).isEqualTo(port);
            assertThat(late.endpoint()).isEqualTo("http://127.0.0.1:" + port);
        }
    }

    private static ExportMetricsServiceRequest metricsRequest() {
        return ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "demo")))
                        .addScopeMetrics(ScopeMetrics.newBuilder()
                                .setScope(InstrumentationScope.newBuilder().setName("io.leakwatch"))
                                .addMetrics(Metric.newBuilder()
                                        .setName("leakwatch.heap.used")
                                        .setUnit("By")
                                        .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder()
                                                .setAsInt(1234)
                                                .addAttributes(attribute("pool", "G1 Old Gen"))
                                                .addAttributes(KeyValue.newBuilder().setKey("tenured")
                                                        .setValue(AnyValue.newBuilder().setBoolValue(true))))))))
                .build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private HttpResponse<byte[]> post(String path, byte[] body, boolean gzipped)
            throws IOException, InterruptedException {
        HttpRequest request = protobufPost(path, body, gzipped).timeout(Duration.ofSeconds(10)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder protobufPost(String path, byte[] body, boolean gzipped) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(receiver.endpoint() + path))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return gzipped ? builder.header("Content-Encoding", "gzip") : builder;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
