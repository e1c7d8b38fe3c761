package com.acme.payment.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends checkout requests at a fixed rate, whatever the server's speed (an open loop, like real shoppers),
 * and counts the answers. A request that cannot start because too many are in flight counts as failed.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 128;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Behind schedule by more than this (a long GC pause), the generator skips ahead instead of bursting. */
    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int CLIENT_THREADS = 2;

    private final URI checkoutUri;
    private final long periodNanos;
    private final SyntheticOrders orders;
    private final HttpClient client;
    private final ExecutorService clientThreads;
    private final Thread pacer;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;

    private LoadGenerator(URI checkoutUri, int requestsPerSecond, SyntheticOrders orders, ThreadFactory threads) {
        this.checkoutUri = checkoutUri;
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
        this.orders = orders;
        this.clientThreads = Executors.newFixedThreadPool(CLIENT_THREADS, threads);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(clientThreads)
                .build();
        this.pacer = threads.newThread(this::pace);
    }

    /**
     * Starts sending {@code requestsPerSecond} requests per second to {@code checkoutUri}.
     *
     * @param threads makes the pacing thread and the HTTP client's threads
     */
    public static LoadGenerator start(URI checkoutUri, int requestsPerSecond, SyntheticOrders orders,
            ThreadFactory threads) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1, got " + requestsPerSecond);
        }
        LoadGenerator generator = new LoadGenerator(checkoutUri, requestsPerSecond, orders, threads);
        generator.pacer.start();
        return generator;
    }

    /** Requests answered with a 2xx status so far. */
    public long succeeded() {
        return succeeded.sum();
    }

    /** Requests that failed: a non-2xx status, a transport error, a timeout, or no room to send. */
    public long failed() {
        return failed.sum();
    }

    /** Stops sending and waits briefly for the requests in flight, so that their answers are counted. */
    @Override
    public void close() {
        running = false;
        try {
            pacer.join(REQUEST_TIMEOUT.toMillis());
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clientThreads.shutdownNow();
    }

    private void pace() {
        long next = System.nanoTime();
        while (running) {
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > MAX_LAG_NANOS) {
                next = System.nanoTime();
            }
            if (running) {
                send(orders.next());
            }
        }
    }

    private void send(PlannedRequest planned) {
        if (!inFlight.tryAcquire()) {
            failed.increment();
            return;
        }
        HttpRequest request = planned.toHttpRequest(checkoutUri, REQUEST_TIMEOUT);
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.release();
                if (error == null && response.statusCode() / 100 == 2) {
                    succeeded.increment();
                } else {
                    failed.increment();
                }
            });
        } catch (RuntimeException e) {
            // A request that cannot even be started is one failure; the pacing thread must go on.
            inFlight.release();
            failed.increment();
        }
    }
}
