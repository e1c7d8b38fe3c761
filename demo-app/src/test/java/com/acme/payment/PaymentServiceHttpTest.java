package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.payment.load.LoadGenerator;
import com.acme.payment.load.SyntheticOrders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts the real server on a free loopback port and talks HTTP to it. */
class PaymentServiceHttpTest {
    private static final String ORDER = "{\"orderId\":\"ord-1\",\"customerId\":\"cust-1\",\"merchantId\":\"m-1\","
            + "\"amountCents\":1999,\"currency\":\"EUR\",\"cardNumber\":\"4242424242424242\",\"cardExpiry\":\"12/39\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PaymentService service;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        service = PaymentService.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), true,
                ServiceSettings.defaults(), Clock.systemUTC());
        base = URI.create("http://127.0.0.1:" + service.address().getPort());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(service.address().getAddress().isLoopbackAddress());
    }

    @Test
    void checkoutApprovesAnOrderAndReplaysARetry() throws Exception {
        HttpResponse<String> first = post("/checkout", ORDER, "key-1");
        assertEquals(200, first.statusCode());
        assertEquals(Optional.of("application/json; charset=utf-8"), first.headers().firstValue("Content-Type"));
        JsonNode result = JSON.readTree(first.body());
        // The shops' contract: these fields, in this order.
        assertEquals(List.of("transactionId", "orderId", "status", "amountCents", "currency", "authorizationCode",
                "reason", "fraudScore"), fieldNames(result));
        assertEquals("APPROVED", result.get("status").textValue());
        assertEquals("ord-1", result.get("orderId").textValue());
        assertEquals(1999L, result.get("amountCents").longValue());
        assertEquals("EUR", result.get("currency").textValue());
        assertTrue(result.get("transactionId").textValue().startsWith("txn_"), first.body());
        assertTrue(result.get("authorizationCode").isTextual(), first.body());
        assertTrue(result.get("reason").isNull(), first.body());
        assertTrue(result.get("fraudScore").isNumber(), first.body());

        HttpResponse<String> retry = post("/checkout", ORDER, "key-1");
        assertEquals(200, retry.statusCode());
        assertEquals(first.body(), retry.body());
        assertEquals(Optional.of("true"), retry.headers().firstValue(CheckoutHandler.REPLAYED_HEADER));
        assertEquals(2, service.counters().succeeded());
    }

    @Test
    void answersBadRequestsWithTheRightStatus() throws Exception {
        post("/checkout", ORDER, "key-1");
        assertEquals(409, post("/checkout", ORDER.replace("1999", "2999"), "key-1").statusCode());
        HttpResponse<String> invalid = post("/checkout", "{\"orderId\":\"x\"}", null);
        assertEquals(400, invalid.statusCode());
        assertEquals("{\"error\":\"field 'amountCents' is required\"}", invalid.body());
        HttpResponse<String> malformed = post("/checkout", "{\"orderId\":", null);
        assertEquals(400, malformed.statusCode());
        assertTrue(JSON.readTree(malformed.body()).get("error").textValue().startsWith("malformed JSON: "),
                malformed.body());
        assertEquals(413, post("/checkout", "x".repeat(20_000), null).statusCode());
        assertEquals(404, post("/checkout/extra", ORDER, null).statusCode());
        HttpResponse<String> get = get("/checkout");
        assertEquals(405, get.statusCode());
        assertEquals(Optional.of("POST"), get.headers().firstValue("Allow"));
        assertEquals(6, service.counters().failed());
    }

    @Test
    void healthReportsUpWithBufferSizes() throws Exception {
        post("/checkout", ORDER, "key-1");
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        JsonNode body = JSON.readTree(health.body());
        assertEquals(List.of("status", "uptimeSeconds", "activeSessions", "idempotencyKeys", "pendingSettlements"),
                fieldNames(body));
        assertEquals("UP", body.get("status").textValue());
        assertTrue(body.get("uptimeSeconds").canConvertToLong(), health.body());
        assertEquals(1, body.get("activeSessions").intValue());
        assertEquals(1, body.get("idempotencyKeys").intValue());
        assertEquals(1, body.get("pendingSettlements").intValue());
    }

    @Test
    void closingSettlesWhatIsPending() throws Exception {
        post("/checkout", ORDER, "key-1");
        service.close();
        assertEquals(1, service.ledger().payments());
    }

    @Test
    void theLoadGeneratorDrivesTheServer() {
        try (LoadGenerator load = LoadGenerator.start(base.resolve(CheckoutHandler.PATH), 200,
                new SyntheticOrders(3, "test"), new ServiceThreads("test-load"))) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> load.succeeded() >= 100);
            assertEquals(0, load.failed());
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
