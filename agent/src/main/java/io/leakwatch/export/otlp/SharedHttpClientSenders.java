package io.leakwatch.export.otlp;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import javax.net.ssl.SSLParameters;

import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSender;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.RetryPolicy;

/**
 * The SDK's JDK senders, made to share: one HttpClient (so one selector thread) for metrics and alerts, and
 * {@link ExportThreads} to send on. What is set per request (endpoint, headers, compression, timeout, retry)
 * stays each signal's own. A signal whose client-wide settings (TLS, connect timeout, proxy) differ from the
 * first one's gets a client of its own.
 */
final class SharedHttpClientSenders implements HttpSenderProvider {

    /**
     * The SDK's sender builds its own client unless given one, which only this constructor, internal to the SDK,
     * allows. Reached reflectively; should a later SDK drop it, each signal gets the SDK's own sender again,
     * costing threads, not function ({@code SharedHttpClientSendersTest} fails first).
     */
    private static final Optional<Constructor<JdkHttpSender>> SENDER_WITH_CLIENT = senderWithClient();

    private final ExportThreads threads;
    private final boolean sameTlsForBothSignals;
    private HttpClient client;
    private HttpSenderConfig clientSettings;
    private int clientsMade;

    /** @param sameTlsForBothSignals whether the certificates configured for metrics and for logs are the same files */
    SharedHttpClientSenders(ExportThreads threads, boolean sameTlsForBothSignals) {
        this.threads = threads;
        this.sameTlsForBothSignals = sameTlsForBothSignals;
    }

    @Override
    public synchronized HttpSender createSender(HttpSenderConfig config) {
        if (!SENDER_WITH_CLIENT.isPresent()) {
            return new JdkHttpSenderProvider().createSender(config);
        }
        HttpClient forThis;
        if (client != null && sameClientSettings(clientSettings, config)) {
            forThis = client;
        } else {
            forThis = newClient(config);
            if (client == null) {
                client = forThis;
                clientSettings = config;
            }
        }
        try {
            return SENDER_WITH_CLIENT.get().newInstance(forThis, config.getEndpoint(), config.getContentType(),
                    config.getCompressor(), config.getTimeout(), config.getHeadersSupplier(), config.getRetryPolicy(),
                    threads.sending(), config.getMaxResponseBodySize());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new JdkHttpSenderProvider().createSender(config);
        }
    }

    /** HttpClients made so far: one when the signals share. */
    synchronized int clientsMade() {
        return clientsMade;
    }

    /** Whether this SDK lets senders share a client. */
    static boolean canShare() {
        return SENDER_WITH_CLIENT.isPresent();
    }

    private boolean sameClientSettings(HttpSenderConfig first, HttpSenderConfig next) {
        boolean sameTls = first.getSslContext() == null && next.getSslContext() == null
                || first.getSslContext() != null && next.getSslContext() != null && sameTlsForBothSignals;
        return sameTls && Objects.equals(first.getConnectTimeout(), next.getConnectTimeout())
                && first.getProxyOptions() == null && next.getProxyOptions() == null
                && Objects.equals(first.getEnabledProtocols(), next.getEnabledProtocols());
    }

    /** As the SDK's sender makes its client, but on leakwatch's thread instead of a pool of the JDK's. */
    private HttpClient newClient(HttpSenderConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.getConnectTimeout())
                .executor(threads.httpClientTasks());
        if (config.getSslContext() != null) {
            builder.sslContext(config.getSslContext());
        }
        if (config.getProxyOptions() != null) {
            builder.proxy(config.getProxyOptions().getProxySelector());
        }
        List<String> protocols = config.getEnabledProtocols();
        if (protocols != null && !protocols.isEmpty()) {
            SSLParameters parameters = new SSLParameters();
            parameters.setProtocols(protocols.toArray(new String[0]));
            builder.sslParameters(parameters);
        }
        clientsMade++;
        return builder.build();
    }

    private static Optional<Constructor<JdkHttpSender>> senderWithClient() {
        try {
            Constructor<JdkHttpSender> constructor = JdkHttpSender.class.getDeclaredConstructor(HttpClient.class,
                    URI.class, String.class, Compressor.class, Duration.class, Supplier.class, RetryPolicy.class,
                    ExecutorService.class, long.class);
            constructor.setAccessible(true);
            return Optional.of(constructor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
