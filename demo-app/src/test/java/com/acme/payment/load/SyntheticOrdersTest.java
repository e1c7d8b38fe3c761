package com.acme.payment.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.payment.Order;
import com.acme.payment.OrderParser;
import com.acme.payment.card.Luhn;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticOrdersTest {
    private static final int REQUESTS = 20_000;

    @Test
    void everyRequestIsAValidOrderAndRetriesRepeatAnEarlierRequestExactly() throws Exception {
        SyntheticOrders orders = new SyntheticOrders(7, "test");
        Map<String, String> bodyByKey = new HashMap<>();
        Set<String> orderIds = new HashSet<>();
        int retries = 0;
        for (int i = 0; i < REQUESTS; i++) {
            PlannedRequest request = orders.next();
            String earlier = bodyByKey.putIfAbsent(request.idempotencyKey(), request.body());
            if (earlier != null) {
                retries++;
                assertEquals(earlier, request.body(), "a retry must send the same order under the same key");
                continue;
            }
            Order order = OrderParser.parse(request.body());
            assertTrue(orderIds.add(order.orderId()), "order ids are unique: " + order.orderId());
            assertTrue(Luhn.isValid(order.cardNumber()), "card numbers pass the Luhn check: " + order.cardNumber());
        }
        double retryShare = retries / (double) REQUESTS;
        assertTrue(retryShare > 0.02 && retryShare < 0.04, "retry share " + retryShare);
    }

    @Test
    void aBodyCarriesExactlyTheOrderFields() throws Exception {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(new SyntheticOrders(3, "test").next().body()).fieldNames()
                .forEachRemaining(names::add);
        assertEquals(Arrays.stream(Order.class.getRecordComponents()).map(RecordComponent::getName).toList(), names);
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        SyntheticOrders first = new SyntheticOrders(11, "run");
        SyntheticOrders second = new SyntheticOrders(11, "run");
        for (int i = 0; i < 100; i++) {
            assertEquals(first.next(), second.next());
        }
    }
}
