package io.leakwatch.respond.action;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.log.AgentThreads;

/**
 * POSTs with the JDK's {@link HttpClient}: one client for all webhooks, built at the first POST (so a JVM whose
 * actions are commands, or never run, has none), on a worker made by {@link AgentThreads} that ends when idle.
 * The client keeps one selector thread of the JDK's own, a daemon. Redirects are not followed.
 */
final class JdkWebhookSender implements WebhookSender {

    private HttpClient client;

    @Override
    public int post(URI uri, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(LeakwatchConfig.ACTION_WEBHOOK_REQUEST_TIMEOUT_MILLIS))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private synchronized HttpClient client() {
        if (client == null) {
            // One worker is enough: the client does no blocking work on it, and the caller waits for each answer.
            ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, LeakwatchConfig.ACTION_THREAD_IDLE_MILLIS,
                    TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), new AgentThreads("action-http"));
            worker.allowCoreThreadTimeOut(true);
            client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(LeakwatchConfig.ACTION_WEBHOOK_CONNECT_TIMEOUT_MILLIS))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    // HTTP/1.1: on http:// the default HTTP/2 sends an h2c upgrade with the POST, which some
                    // receivers mishandle; a webhook is one small request, it gains nothing from HTTP/2.
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(worker)
                    .build();
        }
        return client;
    }
}
