package com.acme.payment;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The running payment service: its HTTP server, its checkout pipeline and the housekeeping that bounds it. */
public final class PaymentService implements AutoCloseable {
    /** Seconds the server waits for requests in progress when it stops. */
    private static final int STOP_GRACE_SECONDS = 1;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService httpWorkers;
    private final ScheduledExecutorService housekeeping;
    private final SettlementBatcher settlement;
    private final SettlementLedger ledger;
    private final RequestCounters counters;
    private boolean closed;

    private PaymentService(HttpServer server, ExecutorService httpWorkers, ScheduledExecutorService housekeeping,
            SettlementBatcher settlement, SettlementLedger ledger, RequestCounters counters) {
        this.server = server;
        this.httpWorkers = httpWorkers;
        this.housekeeping = housekeeping;
        this.settlement = settlement;
        this.ledger = ledger;
        this.counters = counters;
    }

    /**
     * Builds the service and starts serving on {@code address} (port 0 picks a free one).
     *
     * @param fraudHistory whether the fraud service keeps every transaction (the leaky feature)
     */
    public static PaymentService start(InetSocketAddress address, boolean fraudHistory, ServiceSettings settings,
            Clock clock) throws IOException {
        SessionStore sessions = new SessionStore(clock, settings.sessionIdleTimeout());
        IdempotencyCache idempotency = new IdempotencyCache(settings.idempotencyKeyCapacity());
        SettlementLedger ledger = new SettlementLedger();
        SettlementBatcher settlement = new SettlementBatcher(settings.settlementMaxBatchSize(), ledger::settle);
        FraudService fraud = new FraudService(new FraudModel(), fraudHistory, clock);
        CheckoutService checkout = new CheckoutService(idempotency, sessions, fraud, new PaymentAuthorizer(clock),
                settlement);
        RequestCounters counters = new RequestCounters();

        // The JDK's server writes a response's headers and body separately; with Nagle's algorithm on, every
        // keep-alive request would wait ~40 ms for the client's delayed ACK. Read once, at the first server.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        HttpServer server = HttpServer.create(address, 0);
        server.createContext(CheckoutHandler.PATH,
                new CheckoutHandler(checkout, settings.maxRequestBodyBytes(), counters));
        server.createContext(HealthHandler.PATH, new HealthHandler(clock, sessions, idempotency, settlement));
        ExecutorService httpWorkers = Executors.newFixedThreadPool(settings.httpWorkerThreads(),
                new ServiceThreads("http"));
        server.setExecutor(httpWorkers);

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                new ServiceThreads("housekeeping"));
        long sweepMillis = settings.sessionSweepInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(ServiceThreads.reportingFailures(sessions::sweepExpired), sweepMillis,
                sweepMillis, TimeUnit.MILLISECONDS);
        long flushMillis = settings.settlementFlushInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(ServiceThreads.reportingFailures(settlement::flush), flushMillis,
                flushMillis, TimeUnit.MILLISECONDS);

        server.start();
        return new PaymentService(server, httpWorkers, housekeeping, settlement, ledger, counters);
    }

    /** The address the server listens on, with the port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Requests this server has answered, by outcome. */
    public RequestCounters counters() {
        return counters;
    }

    /** What has been sent for settlement so far. */
    public SettlementLedger ledger() {
        return ledger;
    }

    /** Stops serving, then sends the last settlement batch so that no approved payment is left uncaptured. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(STOP_GRACE_SECONDS);
        httpWorkers.shutdown();
        housekeeping.shutdown();
        try {
            httpWorkers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            housekeeping.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settlement.flush();
    }
}
