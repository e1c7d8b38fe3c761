package io.leakwatch.it.otlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

/** A test OTLP/HTTP (protobuf) collector on 127.0.0.1 that records what it accepts and can be told to misbehave. */
public final class OtlpReceiver implements AutoCloseable {

    /** How the receiver answers the next export requests. */
    public enum Mode { ACCEPT, FAIL_500, THROTTLE_429, HANG }

    /** One data point of a received metric, flattened with its resource and scope. */
    public record ReceivedMetric(
            Map<String, String> resource,
            String scope,
            String name,
            String unit,
            String type,
            Map<String, String> attributes,
            double value,
            Instant receivedAt) {
    }

    /** One received log record, flattened with its resource and scope. */
    public record ReceivedLog(
            Map<String, String> resource,
            String scope,
            String eventName,
            String severityText,
            int severityNumber,
            String body,
            Map<String, String> attributes,
            Instant timestamp,
            Instant receivedAt) {
    }

    private static final String PROTOBUF = "application/x-protobuf";
    // Each hung exchange holds a thread until close: enough for the hanging-collector test's 15 and more
    // (with 16, a test that happened to see 7 hung before counting 10 more could never see them), yet
    // bounded so a runaway client cannot spawn threads without limit.
    private static final int THREADS = 64;
    private static final AtomicInteger RECEIVER_IDS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    // Hung exchanges wait on this; close() opens it so their handler threads return.
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Mode mode = Mode.ACCEPT;

    private final List<ExportMetricsServiceRequest> metricRequests = new CopyOnWriteArrayList<>();
    private final List<ExportLogsServiceRequest> logRequests = new CopyOnWriteArrayList<>();
    private final List<ReceivedMetric> metrics = new CopyOnWriteArrayList<>();
    private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();
    private final AtomicInteger traceRequests = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();

    private OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(loopback(), port), 0);
        int id = RECEIVER_IDS.incrementAndGet();
        AtomicInteger threadIds = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "otlp-receiver-" + id + "-" + threadIds.incrementAndGet());
            // A receiver a test forgot to close must not keep the test JVM alive.
            thread.setDaemon(true);
            return thread;
        });
        // A pool rather than the dispatcher thread, so one hanging exchange does not block the others.
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a receiver on a free loopback port. */
    public static OtlpReceiver start() {
        return startOn(0);
    }

    /** Starts a receiver on the given loopback port, e.g. one agreed on before the agent started. */
    public static OtlpReceiver startOn(int port) {
        try {
            return new OtlpReceiver(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP receiver on port " + port, e);
        }
    }

    /** Finds a loopback port that is free now, so a receiver can be started on it later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /** The port this receiver listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to give an OTLP/HTTP exporter, without a signal path. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Sets how the receiver answers requests from now on. */
    public void respondWith(Mode mode) {
        this.mode = mode;
    }

    /** The accepted metrics export requests, in arrival order. */
    public List<ExportMetricsServiceRequest> metricRequests() {
        return List.copyOf(metricRequests);
    }

    /** The accepted logs export requests, in arrival order. */
    public List<ExportLogsServiceRequest> logRequests() {
        return List.copyOf(logRequests);
    }

    /** The number of accepted traces export requests. */
    public int traceRequestCount() {
        return traceRequests.get();
    }

    /** Every data point of every accepted metric, flattened, in arrival order. */
    public List<ReceivedMetric> metrics() {
        return List.copyOf(metrics);
    }

    /** Every accepted log record, flattened, in arrival order. */
    public List<ReceivedLog> logs() {
        return List.copyOf(logs);
    }

    /** The number of requests answered with 500 or 429 or left hanging. */
    public int failedRequests() {
        return failedRequests.get();
    }

    /** Forgets everything recorded so far, including the failure count. */
    public void clear() {
        metricRequests.clear();
        logRequests.clear();
        metrics.clear();
        logs.clear();
        traceRequests.set(0);
        failedRequests.set(0);
    }

    /** Stops the server at once and releases any hung exchanges. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Release hung handlers first: they close their exchange, which drops the client's connection.
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            // So that a test's next receiver does not race with this one's threads.
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            // HttpServer swallows handler exceptions silently; answer so the client sees something went wrong.
            if (exchange.getResponseCode() == -1) {
                try {
                    respond(exchange, 500, "text/plain", ("receiver error: " + e).getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // The client is gone; nothing more to tell it.
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        // Read the whole request first, so even a hanging or failing answer has consumed it like a collector would.
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/v1/metrics") && !path.equals("/v1/logs") && !path.equals("/v1/traces")) {
            respond(exchange, 404, "text/plain", text("no such OTLP path: " + path));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            respond(exchange, 405, "text/plain", text("OTLP exports are POSTs"));
            return;
        }
        String contentType = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (contentType.equals("application/json")) {
            // We only speak OTLP/HTTP protobuf; a JSON exporter is a configuration mistake the test should see.
            respond(exchange, 415, "text/plain", text("only " + PROTOBUF + " is supported"));
            return;
        }
        String encoding = mediaType(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        if (!encoding.isEmpty() && !encoding.equals("gzip") && !encoding.equals("identity")) {
            respond(exchange, 415, "text/plain", text("unsupported Content-Encoding: " + encoding));
            return;
        }

        // Read once, so a request is answered consistently even if the test switches modes meanwhile.
        Mode current = mode;
        switch (current) {
            case FAIL_500:
                failedRequests.incrementAndGet();
                respond(exchange, 500, "text/plain", text("collector failure (test)"));
                return;
            case THROTTLE_429:
                failedRequests.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", "1");
                respond(exchange, 429, "text/plain", text("collector throttling (test)"));
                return;
            case HANG:
                failedRequests.incrementAndGet();
                hangUntilClosed();
                return;
            case ACCEPT:
            default:
                break;
        }

        byte[] body;
        try {
            body = encoding.equals("gzip") ? gunzip(raw) : raw;
        } catch (IOException e) {
            respond(exchange, 400, "text/plain", text("bad gzip body: " + e.getMessage()));
            return;
        }
        Instant receivedAt = Instant.now();
        byte[] response;
        try {
            switch (path) {
                case "/v1/metrics":
                    response = acceptMetrics(ExportMetricsServiceRequest.parseFrom(body), receivedAt);
                    break;
                case "/v1/logs":
                    response = acceptLogs(ExportLogsServiceRequest.parseFrom(body), receivedAt);
                    break;
                default:
                    ExportTraceServiceRequest.parseFrom(body);
                    traceRequests.incrementAndGet();
                    response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    break;
            }
        } catch (InvalidProtocolBufferException e) {
            respond(exchange, 400, "text/plain", text("not a protobuf export request: " + e.getMessage()));
            return;
        }
        respond(exchange, 200, PROTOBUF, response);
    }

    private byte[] acceptMetrics(ExportMetricsServiceRequest request, Instant receivedAt) {
        List<ReceivedMetric> points = new ArrayList<>();
        for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
            Map<String, String> resource = attributes(resourceMetrics.getResource().getAttributesList());
            for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                String scope = scopeMetrics.getScope().getName();
                for (Metric metric : scopeMetrics.getMetricsList()) {
                    flatten(metric, resource, scope, receivedAt, points);
                }
            }
        }
        // Add the request and its points in one go each, so readers never see half a request's points.
        metricRequests.add(request);
        metrics.addAll(points);
        return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
    }

    private static void flatten(Metric metric, Map<String, String> resource, String scope, Instant receivedAt,
            List<ReceivedMetric> out) {
        String name = metric.getName();
        String unit = metric.getUnit();
        switch (metric.getDataCase()) {
            case GAUGE:
                for (NumberDataPoint point : metric.getGauge().getDataPointsList()) {
                    out.add(new ReceivedMetric(resource, scope, name, unit, "gauge",
                            attributes(point.getAttributesList()), number(point), receivedAt));
                }
                break;
            case SUM:
                for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
                    out.add(new ReceivedMetric(resource, scope, name, unit, "sum",
                            attributes(point.getAttributesList()), number(point), receivedAt));
                }
                break;
            case HISTOGRAM:
                metric.getHistogram().getDataPointsList().forEach(point ->
                        out.add(new ReceivedMetric(resource, scope, name, unit, "histogram",
                                attributes(point.getAttributesList()), point.getSum(), receivedAt)));
                break;
            case EXPONENTIAL_HISTOGRAM:
                metric.getExponentialHistogram().getDataPointsList().forEach(point ->
                        out.add(new ReceivedMetric(resource, scope, name, unit, "exponential_histogram",
                                attributes(point.getAttributesList()), point.getSum(), receivedAt)));
                break;
            case SUMMARY:
                metric.getSummary().getDataPointsList().forEach(point ->
                        out.add(new ReceivedMetric(resource, scope, name, unit, "summary",
                                attributes(point.getAttributesList()), point.getSum(), receivedAt)));
                break;
            case DATA_NOT_SET:
            default:
                // A metric without data has no point to record.
                break;
        }
    }

    private static double number(NumberDataPoint point) {
        switch (point.getValueCase()) {
            case AS_DOUBLE:
                return point.getAsDouble();
            case AS_INT:
                return point.getAsInt();
            default:
                return Double.NaN;
        }
    }

    private byte[] acceptLogs(ExportLogsServiceRequest request, Instant receivedAt) {
        List<ReceivedLog> records = new ArrayList<>();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            Map<String, String> resource = attributes(resourceLogs.getResource().getAttributesList());
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                String scope = scopeLogs.getScope().getName();
                for (LogRecord log : scopeLogs.getLogRecordsList()) {
                    records.add(new ReceivedLog(resource, scope, log.getEventName(), log.getSeverityText(),
                            log.getSeverityNumberValue(), string(log.getBody()), attributes(log.getAttributesList()),
                            // ofEpochSecond normalises the nanosecond adjustment, so a long of nanos fits as is.
                            Instant.ofEpochSecond(0, log.getTimeUnixNano()), receivedAt));
                }
            }
        }
        logRequests.add(request);
        logs.addAll(records);
        return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        // Insertion order, so a failing assertion prints attributes as the exporter sent them.
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            map.put(keyValue.getKey(), string(keyValue.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    private static String string(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case BOOL_VALUE:
                return Boolean.toString(value.getBoolValue());
            case INT_VALUE:
                return Long.toString(value.getIntValue());
            case DOUBLE_VALUE:
                return Double.toString(value.getDoubleValue());
            case ARRAY_VALUE:
                return value.getArrayValue().getValuesList().stream()
                        .map(OtlpReceiver::string)
                        .collect(Collectors.joining(","));
            case KVLIST_VALUE:
                return value.getKvlistValue().getValuesList().stream()
                        .map(kv -> kv.getKey() + "=" + string(kv.getValue()))
                        .collect(Collectors.joining(","));
            case BYTES_VALUE:
                return Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            default:
                // Unset, or a string-table index that only means something in profiles.
                return "";
        }
    }

    private void hangUntilClosed() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            // shutdownNow() interrupts us; either way the exchange is closed unanswered.
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // HttpServer reads a length of 0 as "chunked"; -1 is how it says "no body" (an empty protobuf response).
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        String type = semicolon < 0 ? header : header.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] text(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    private static InetAddress loopback() throws UnknownHostException {
        // The literal, not getLoopbackAddress(), which may be ::1 and would not match endpoint().
        return InetAddress.getByName("127.0.0.1");
    }
}
