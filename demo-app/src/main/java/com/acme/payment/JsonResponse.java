package com.acme.payment;

import com.acme.payment.json.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes JSON responses on an {@link HttpExchange}. */
final class JsonResponse {
    private JsonResponse() {
    }

    /** Sends {@code json} with {@code status}; the exchange stays open for the caller to close. */
    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends {@code {"error": message}} with {@code status}. */
    static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, errorJson(message));
    }

    /** {@code {"error": message}}. */
    static String errorJson(String message) {
        return new JsonWriter().string("error", message).toString();
    }
}
