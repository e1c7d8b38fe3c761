package com.acme.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Serves {@code GET /health}: whether the service is up, with the sizes of its bounded buffers. */
final class HealthHandler implements HttpHandler {
    static final String PATH = "/health";

    private final Clock clock;
    private final Instant startedAt;
    private final SessionStore sessions;
    private final IdempotencyCache idempotency;
    private final SettlementBatcher settlement;

    HealthHandler(Clock clock, SessionStore sessions, IdempotencyCache idempotency, SettlementBatcher settlement) {
        this.clock = clock;
        this.startedAt = clock.instant();
        this.sessions = sessions;
        this.idempotency = idempotency;
        this.settlement = settlement;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                JsonResponse.sendError(exchange, 404, "no such resource");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                JsonResponse.sendError(exchange, 405, "use GET");
            } else {
                JsonResponse.send(exchange, 200, new Health("UP",
                        Duration.between(startedAt, clock.instant()).toSeconds(), sessions.size(), idempotency.size(),
                        settlement.pendingCount()));
            }
        }
    }

    /** The body of {@code GET /health}. */
    record Health(String status, long uptimeSeconds, int activeSessions, int idempotencyKeys,
            int pendingSettlements) {
    }
}
