package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderParserTest {
    /** Field name to raw JSON value, in the order a shop would send them. */
    private static final Map<String, String> FULL = fields();

    @Test
    void parsesEveryField() throws Exception {
        Order order = OrderParser.parse(json(FULL));
        assertEquals(new Order("ord-1", "cust-1", "m-1", 1999, "EUR", "4242424242424242", "12/30", "ann@example.com",
                "198.51.100.7", "Mozilla/5.0 \"test\" \u00e9", "DE", "FR"), order);
    }

    @Test
    void optionalFieldsMayBeAbsentOrNullAndBecomeEmptyText() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(FULL);
        fields.remove("ipAddress");
        fields.remove("shippingCountry");
        fields.put("email", "null");
        Order order = OrderParser.parse(json(fields));
        assertEquals("", order.email());
        assertEquals("", order.ipAddress());
        assertEquals("", order.shippingCountry());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "orderId         | ABSENT     | field 'orderId' is required",
        "customerId      | '\"  \"'   | field 'customerId' is required",
        "amountCents     | ABSENT     | field 'amountCents' is required",
        "amountCents     | 19.99      | field 'amountCents' must be a whole number of minor units",
        "amountCents     | '\"1999\"' | field 'amountCents' must be a whole number of minor units",
        "amountCents     | 1e3        | field 'amountCents' must be a whole number of minor units",
        "amountCents     | true       | field 'amountCents' must be a whole number of minor units",
        "amountCents     | 9223372036854775808 | field 'amountCents' must be a whole number of minor units",
        "amountCents     | -5         | field 'amountCents' must be greater than zero",
        "amountCents     | 0          | field 'amountCents' must be greater than zero",
        "currency        | '\"eur\"'  | field 'currency' must be a three-letter ISO code",
        "cardNumber      | '\"4242\"' | field 'cardNumber' must be 12 to 19 digits",
        "cardExpiry      | '\"13/30\"'| field 'cardExpiry' must be MM/YY",
        "shippingCountry | '\"FRA\"'  | field 'shippingCountry' must be a two-letter ISO code",
        "email           | 42         | field 'email' must be a string",
        "email           | false      | field 'email' must be a string",
        "customerId      | '{\"id\":1}' | field 'customerId' must be a string",
        "merchantId      | '[\"m-1\"]'  | field 'merchantId' must be a string",
    })
    void namesTheFieldThatIsWrong(String field, String rawValue, String message) {
        Map<String, String> fields = new LinkedHashMap<>(FULL);
        if (rawValue.equals("ABSENT")) {
            fields.remove(field);
        } else {
            fields.put(field, rawValue);
        }
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> OrderParser.parse(json(fields)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> OrderParser.parse("{\"orderId\":"));
        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at line 1, column 12"), e.getMessage());
    }

    @Test
    void aBrokenEscapeInsideAFieldIsMalformedJsonNotAWrongType() {
        Map<String, String> fields = new LinkedHashMap<>(FULL);
        fields.put("email", "\"ann\\x\"");
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> OrderParser.parse(json(fields)));
        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }

    @Test
    void rejectsAKeyGivenTwice() {
        String twice = "{\"amountCents\": 1, " + json(FULL).substring(1);
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> OrderParser.parse(twice));
        assertTrue(e.getMessage().startsWith("malformed JSON: Duplicate field 'amountCents'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "[]", "42", "\"order\"", "{} {}"})
    void theBodyMustBeExactlyOneObject(String body) {
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> OrderParser.parse(body));
        assertEquals("the body must be one JSON object", e.getMessage());
    }

    @Test
    void ignoresFieldsItDoesNotUse() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(FULL);
        fields.put("basket", "[{\"sku\": \"A-1\", \"quantity\": 2}]");
        assertEquals(OrderParser.parse(json(FULL)), OrderParser.parse(json(fields)));
    }

    @Test
    void rejectsOverlongText() {
        Map<String, String> fields = new LinkedHashMap<>(FULL);
        fields.put("userAgent", "\"" + "x".repeat(600) + "\"");
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> OrderParser.parse(json(fields)));
        assertEquals("field 'userAgent' is longer than 512 characters", e.getMessage());
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderId", "\"ord-1\"");
        fields.put("customerId", "\"cust-1\"");
        fields.put("merchantId", "\"m-1\"");
        fields.put("amountCents", "1999");
        fields.put("currency", "\"EUR\"");
        fields.put("cardNumber", "\"4242 4242 4242 4242\"");
        fields.put("cardExpiry", "\"12/30\"");
        fields.put("email", "\"ann@example.com\"");
        fields.put("ipAddress", "\"198.51.100.7\"");
        fields.put("userAgent", "\"Mozilla/5.0 \\\"test\\\" \\u00e9\"");
        fields.put("billingCountry", "\"DE\"");
        fields.put("shippingCountry", "\"FR\"");
        return fields;
    }

    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> "\"" + field.getKey() + "\": " + field.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
