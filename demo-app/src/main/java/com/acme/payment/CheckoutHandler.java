package com.acme.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Serves {@code POST /checkout}: a JSON order in, a JSON payment result out. */
final class CheckoutHandler implements HttpHandler {
    static final String PATH = "/checkout";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final CheckoutService checkout;
    private final int maxBodyBytes;
    private final RequestCounters counters;

    CheckoutHandler(CheckoutService checkout, int maxBodyBytes, RequestCounters counters) {
        this.checkout = checkout;
        this.maxBodyBytes = maxBodyBytes;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            try {
                status = respond(exchange);
            } catch (RuntimeException e) {
                // A bug costs the one request, not the worker thread or the client's connection.
                System.err.println("[payment] checkout failed: " + e);
                e.printStackTrace();
                JsonResponse.sendError(exchange, 500, "internal error");
                status = 500;
            }
            counters.record(status);
        }
    }

    private int respond(HttpExchange exchange) throws IOException {
        // The server routes by prefix; anything below /checkout is not ours.
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            JsonResponse.sendError(exchange, 404, "no such resource");
            return 404;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            JsonResponse.sendError(exchange, 405, "use POST");
            return 405;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            JsonResponse.sendError(exchange, 413, "an order may not exceed " + maxBodyBytes + " bytes");
            return 413;
        }
        try {
            Order order = OrderParser.parse(new String(body, StandardCharsets.UTF_8));
            CheckoutOutcome outcome = checkout.checkout(
                    exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY_HEADER), order);
            if (outcome.replayed()) {
                exchange.getResponseHeaders().set(REPLAYED_HEADER, "true");
            }
            JsonResponse.send(exchange, 200, outcome.result().toJson());
            return 200;
        } catch (InvalidOrderException e) {
            JsonResponse.sendError(exchange, 400, e.getMessage());
            return 400;
        } catch (IdempotencyConflictException e) {
            JsonResponse.sendError(exchange, 409, e.getMessage());
            return 409;
        }
    }

    /** Reads the body, or returns {@code null} when it is larger than allowed. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }
}
