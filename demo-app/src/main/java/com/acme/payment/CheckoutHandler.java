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
            Reply reply;
            try {
                reply = respond(exchange);
            } catch (RuntimeException e) {
                // A bug costs the one request, not the worker thread or the client's connection.
                System.err.println("[payment] checkout failed: " + e);
                e.printStackTrace();
                reply = Reply.error(500, "internal error");
            }
            // Counted before the answer leaves, so a client that reads the counters next sees its own request.
            counters.record(reply.status());
            JsonResponse.send(exchange, reply.status(), reply.body());
        }
    }

    private Reply respond(HttpExchange exchange) throws IOException {
        // The server routes by prefix; anything below /checkout is not ours.
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            return Reply.error(404, "no such resource");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return Reply.error(405, "use POST");
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return Reply.error(413, "an order may not exceed " + maxBodyBytes + " bytes");
        }
        try {
            Order order = OrderParser.parse(new String(body, StandardCharsets.UTF_8));
            CheckoutOutcome outcome = checkout.checkout(
                    exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY_HEADER), order);
            if (outcome.replayed()) {
                exchange.getResponseHeaders().set(REPLAYED_HEADER, "true");
            }
            return new Reply(200, outcome.result());
        } catch (InvalidOrderException e) {
            return Reply.error(400, e.getMessage());
        } catch (IdempotencyConflictException e) {
            return Reply.error(409, e.getMessage());
        }
    }

    /** The answer to one request, decided before any of it is sent. */
    private record Reply(int status, Object body) {
        static Reply error(int status, String message) {
            return new Reply(status, new JsonResponse.ErrorBody(message));
        }
    }

    /** Reads the body, or returns {@code null} when it is larger than allowed. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }
}
