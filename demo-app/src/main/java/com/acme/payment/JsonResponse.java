package com.acme.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes JSON responses on an {@link HttpExchange}. */
final class JsonResponse {
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    private JsonResponse() {
    }

    /** The body of every error response: {@code {"error": message}}. */
    record ErrorBody(String error) {
    }

    /** Sends {@code body} as JSON with {@code status}; the exchange stays open for the caller to close. */
    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** Sends {@code {"error": message}} with {@code status}. */
    static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, new ErrorBody(message));
    }
}
