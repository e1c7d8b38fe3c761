package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;

class SharedHttpClientSendersTest {

    private final ExportThreads threads = new ExportThreads();
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** The collector answers once the test is ready to see on which thread the answer arrives. */
    private final CountDownLatch answer = new CountDownLatch(1);
    private HttpServer collector;

    @AfterEach
    void stop() {
        threads.stop();
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void thePinnedSdkLetsSendersShareAClient() {
        assertTrue(SharedHttpClientSenders.canShare(), "JdkHttpSender no longer takes a client: see its javadoc");
    }

    @Test
    void metricsAndAlertsShareOneClientAndSendOnLeakwatchsThread() throws Exception {
        String endpoint = startCollector();
        SharedHttpClientSenders senders = new SharedHttpClientSenders(threads, true);
        ExportComponents components = new ExportComponents(() -> senders);
        OtlpHttpMetricExporter metrics = OtlpHttpMetricExporter.builder().setEndpoint(endpoint + "/v1/metrics")
                .setComponentLoader(components).build();
        OtlpHttpLogRecordExporter logs = OtlpHttpLogRecordExporter.builder().setEndpoint(endpoint + "/v1/logs")
                .setComponentLoader(components).build();

        List<String> completedOn = new CopyOnWriteArrayList<>();
        CompletableResultCode metricsSent = metrics.export(Collections.emptyList());
        metricsSent.whenComplete(() -> completedOn.add(Thread.currentThread().getName()));
        CompletableResultCode alertSent = logs.export(List.of(TestLogRecordData.builder().setBody("alert").build()));
        alertSent.whenComplete(() -> completedOn.add(Thread.currentThread().getName()));
        answer.countDown();

        assertTrue(CompletableResultCode.ofAll(List.of(metricsSent, alertSent)).join(10, TimeUnit.SECONDS).isSuccess());
        assertEquals(List.of("/v1/logs", "/v1/metrics"), received.stream().sorted().toList());
        assertEquals(1, senders.clientsMade());
        assertEquals(List.of("leakwatch-otlp-send", "leakwatch-otlp-send"), completedOn);
    }

    @Test
    void signalsWithTheirOwnCertificatesGetTheirOwnClient() throws Exception {
        SSLContext tls = SSLContext.getDefault();
        SharedHttpClientSenders differentFiles = new SharedHttpClientSenders(threads, false);
        differentFiles.createSender(settings(tls, Duration.ofSeconds(10)));
        differentFiles.createSender(settings(tls, Duration.ofSeconds(10)));
        assertEquals(2, differentFiles.clientsMade());

        SharedHttpClientSenders sameFiles = new SharedHttpClientSenders(threads, true);
        sameFiles.createSender(settings(tls, Duration.ofSeconds(10)));
        sameFiles.createSender(settings(tls, Duration.ofSeconds(10)));
        assertEquals(1, sameFiles.clientsMade());
    }

    @Test
    void aDifferentConnectTimeoutGetsItsOwnClient() {
        SharedHttpClientSenders senders = new SharedHttpClientSenders(threads, true);
        senders.createSender(settings(null, Duration.ofSeconds(10)));
        senders.createSender(settings(null, Duration.ofSeconds(3)));
        assertEquals(2, senders.clientsMade());
    }

    @Test
    void aSenderAnswersWithTheCollectorsStatus() throws Exception {
        String endpoint = startCollector();
        answer.countDown();
        HttpSender sender = new SharedHttpClientSenders(threads, true).createSender(
                settings(null, Duration.ofSeconds(10), URI.create(endpoint + "/v1/logs")));
        CompletableResultCode answered = new CompletableResultCode();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        sender.send(new MessageWriter() {
            @Override
            public void writeMessage(OutputStream output) throws IOException {
                output.write("x".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public int getContentLength() {
                return 1;
            }
        }, response -> {
            statuses.add(response.getStatusCode());
            answered.succeed();
        }, error -> answered.fail());
        assertTrue(answered.join(10, TimeUnit.SECONDS).isSuccess());
        assertEquals(List.of(200), statuses);
    }

    private String startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        return "http://127.0.0.1:" + collector.getAddress().getPort();
    }

    private static HttpSenderConfig settings(SSLContext tls, Duration connectTimeout) {
        return settings(tls, connectTimeout, URI.create("http://127.0.0.1:4318/v1/logs"));
    }

    private static HttpSenderConfig settings(SSLContext tls, Duration connectTimeout, URI endpoint) {
        return new HttpSenderConfig() {
            @Override
            public URI getEndpoint() {
                return endpoint;
            }

            @Override
            public String getContentType() {
                return "application/x-protobuf";
            }

            @Override
            public Compressor getCompressor() {
                return null;
            }

            @Override
            public Duration getTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration getConnectTimeout() {
                return connectTimeout;
            }

            @Override
            public Supplier<Map<String, List<String>>> getHeadersSupplier() {
                return Map::of;
            }

            @Override
            public ProxyOptions getProxyOptions() {
                return null;
            }

            @Override
            public RetryPolicy getRetryPolicy() {
                return null;
            }

            @Override
            public SSLContext getSslContext() {
                return tls;
            }

            @Override
            public X509TrustManager getTrustManager() {
                return null;
            }

            @Override
            public ExecutorService getExecutorService() {
                return null;
            }
        };
    }
}
