package com.acme.payment.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void readsEveryKindOfFlatValue() throws Exception {
        Map<String, Object> fields = JsonReader.readFlatObject(
                " {\"s\": \"text\", \"i\": -42, \"d\": 1.5e2, \"t\": true, \"f\": false, \"n\": null} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "text");
        expected.put("i", -42L);
        expected.put("d", 150.0);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", null);
        assertEquals(expected, fields);
        assertTrue(fields.containsKey("n"));
    }

    @Test
    void readsAnEmptyObject() throws Exception {
        assertEquals(Map.of(), JsonReader.readFlatObject("{}"));
    }

    @Test
    void decodesEscapes() throws Exception {
        Map<String, Object> fields = JsonReader.readFlatObject(
                "{\"v\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\"}");
        assertEquals("q\" b\\ s/ \b\f\n\r\t \u00e9\u20ac", fields.get("v"));
    }

    @Test
    void keepsTheLargestLongExactly() throws Exception {
        assertEquals(Long.MAX_VALUE, JsonReader.readFlatObject("{\"v\":9223372036854775807}").get("v"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                       | unexpected end of input at offset 0",
        "[]                       | expected '{' at offset 0",
        "{\"a\":1                 | unexpected end of input at offset 6",
        "{\"a\":1}x               | unexpected text after the object at offset 7",
        "{\"a\":1,\"a\":2}        | duplicate key \"a\" at offset 7",
        "{\"a\":{}}               | nested objects and arrays are not supported at offset 5",
        "{\"a\":[1]}              | nested objects and arrays are not supported at offset 5",
        "{\"a\":01}               | invalid number: leading zero at offset 5",
        "{\"a\":1.}               | invalid number at offset 7",
        "{\"a\":-}                | invalid number at offset 6",
        "{\"a\":9223372036854775808} | integer out of range at offset 5",
        "{\"a\":1e999}            | number out of range at offset 5",
        "{\"a\":tru}              | unexpected value at offset 5",
        "{\"a\":\"\\x\"}          | invalid escape '\\x' at offset 7",
        "{\"a\":\"\\u12G4\"}      | invalid hex digit in \\u escape at offset 10",
        "{\"a\" 1}                | expected ':' at offset 5",
        "{\"a\":1 \"b\":2}        | expected ',' or '}' at offset 7",
        "{a:1}                    | expected '\"' at offset 1",
    })
    void rejectsMalformedInputSayingWhereAndWhy(String json, String message) {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.readFlatObject(json));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x0a, 0x1f})
    void rejectsRawControlCharactersInStrings(int control) {
        String json = "{\"a\":\"x" + (char) control + "\"}";
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.readFlatObject(json));
        assertEquals("control character in string at offset 7", e.getMessage());
    }

    @Test
    void theResultCannotBeModified() throws Exception {
        Map<String, Object> fields = JsonReader.readFlatObject("{\"a\":1}");
        assertThrows(UnsupportedOperationException.class, () -> fields.put("b", 2L));
    }

    @Test
    void roundTripsWhatTheWriterWrites() throws Exception {
        StringBuilder awkward = new StringBuilder();
        for (char c = 0; c < 0x28; c++) {
            awkward.append(c);
        }
        String text = awkward + "\"\\/\u00e9\u20ac";
        String json = new JsonWriter().string("s", text).number("i", -7).number("d", 0.25).bool("b", true)
                .string("n", null).toString();
        Map<String, Object> fields = JsonReader.readFlatObject(json);
        assertEquals(text, fields.get("s"));
        assertEquals(-7L, fields.get("i"));
        assertEquals(0.25, fields.get("d"));
        assertEquals(true, fields.get("b"));
        assertTrue(fields.containsKey("n"));
    }
}
