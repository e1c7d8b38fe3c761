package com.acme.payment.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesFieldsInOrder() {
        String json = new JsonWriter().string("status", "APPROVED").number("amountCents", 1999).number("score", 0.5)
                .bool("replayed", false).string("reason", null).toString();
        assertEquals("{\"status\":\"APPROVED\",\"amountCents\":1999,\"score\":0.5,\"replayed\":false,\"reason\":null}",
                json);
    }

    @Test
    void writesAnEmptyObject() {
        assertEquals("{}", new JsonWriter().toString());
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("{\"a\\\"b\":\"x\\\\y\\n\\r\\t\\u0001\u00e9\"}",
                new JsonWriter().string("a\"b", "x\\y\n\r\t\u0001\u00e9").toString());
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new JsonWriter().number("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new JsonWriter().number("x", Double.POSITIVE_INFINITY));
    }
}
