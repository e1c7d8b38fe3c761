package com.acme.payment;

import com.acme.payment.cli.DurationText;
import com.acme.payment.cli.Feature;
import com.acme.payment.cli.Options;
import com.acme.payment.load.LoadGenerator;
import com.acme.payment.load.SyntheticOrders;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/** Runs the service for one invocation: starts it, drives the optional load, reports progress, stops on time. */
final class DemoRunner {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private final Options options;
    private final PrintStream out;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    // Set by the main thread, read by the shutdown hook's thread.
    private volatile PaymentService service;
    private volatile LoadGenerator load;
    private volatile ProgressReporter progress;
    private boolean stopped;

    DemoRunner(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs until the duration ends (or forever without one) and returns the exit status. */
    int run() throws IOException, InterruptedException {
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port());
        service = PaymentService.start(bind, options.has(Feature.FRAUD_HISTORY), ServiceSettings.defaults(),
                Clock.systemUTC());
        InetSocketAddress bound = service.address();
        String base = "http://" + hostForUri(bound.getAddress()) + ":" + bound.getPort();
        out.println("[payment] listening on " + base + " (features: " + featureList() + "; load: " + loadText() + ")");
        out.flush();

        LongSupplier succeeded = service.counters()::succeeded;
        LongSupplier failed = service.counters()::failed;
        if (options.generatesLoad()) {
            // The generator is a client like any other; the target needs a concrete address, not a wildcard.
            String target = bound.getAddress().isAnyLocalAddress() ? "http://127.0.0.1:" + bound.getPort() : base;
            load = LoadGenerator.start(URI.create(target + CheckoutHandler.PATH), options.loadRequestsPerSecond(),
                    new SyntheticOrders(System.nanoTime(), Long.toString(System.currentTimeMillis(), 36)),
                    new ServiceThreads("load"));
            succeeded = load::succeeded;
            failed = load::failed;
        }
        progress = ProgressReporter.start(out, succeeded, failed, PROGRESS_INTERVAL);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "payment-shutdown"));

        if (options.duration().isPresent()) {
            stopRequested.await(options.duration().get().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            stopRequested.await();
        }
        stop();
        return 0;
    }

    /** Stops everything once, in order: traffic first, then the server, so that the last answers are counted. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopRequested.countDown();
        if (load != null) {
            load.close();
        }
        progress.close();
        service.close();
        long ok = load != null ? load.succeeded() : service.counters().succeeded();
        long bad = load != null ? load.failed() : service.counters().failed();
        out.println("[payment] stopped after " + progress.elapsedSeconds() + "s: requests ok=" + ok + " failed=" + bad
                + ", settled " + service.ledger().payments() + " payments in " + service.ledger().batches()
                + " batches");
        out.flush();
    }

    private String featureList() {
        if (options.features().isEmpty()) {
            return "none";
        }
        return options.features().stream().map(Feature::flagName).sorted().collect(Collectors.joining(","));
    }

    private String loadText() {
        if (!options.generatesLoad()) {
            return "off";
        }
        String text = options.loadRequestsPerSecond() + " requests/s";
        return options.duration().map(d -> text + " for " + DurationText.format(d)).orElse(text);
    }

    private static String hostForUri(InetAddress address) {
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
