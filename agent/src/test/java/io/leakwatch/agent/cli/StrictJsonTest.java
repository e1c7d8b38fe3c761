package io.leakwatch.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void readsAnAlertLine() throws StrictJson.SyntaxError {
        Object parsed = StrictJson.parse("{\"time\":\"2026-01-01T00:00:00Z\", \"severity\" : \"WARNING\",\"size\":1200,"
                + "\"growthPerMin\":-3.5E+2,\"evidence\":[{\"count\":3,\"stack\":[\"A.b(A.java:1)\"]}],\"x\":null,"
                + "\"ok\":true,\"no\":false}");
        Map<?, ?> alert = (Map<?, ?>) parsed;
        assertEquals("WARNING", alert.get("severity"));
        assertEquals(1200.0, alert.get("size"));
        assertEquals(-350.0, alert.get("growthPerMin"));
        assertEquals(List.of(Map.of("count", 3.0, "stack", List.of("A.b(A.java:1)"))), alert.get("evidence"));
        assertSame(StrictJson.NULL, alert.get("x"));
        assertEquals(Boolean.TRUE, alert.get("ok"));
        assertEquals(Boolean.FALSE, alert.get("no"));
    }

    @Test
    void readsEveryEscapeAndSurrogatePairs() throws StrictJson.SyntaxError {
        assertEquals("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", StrictJson.parse(
                "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\\ud83d\\uDE00\""));
        assertEquals("\ud83d\ude00 raw", StrictJson.parse("\"\ud83d\ude00 raw\""));
    }

    @Test
    void readsNumbersOfEveryForm() throws StrictJson.SyntaxError {
        assertEquals(0.0, StrictJson.parse("0"));
        assertEquals(-0.0, StrictJson.parse("-0"));
        assertEquals(12.5, StrictJson.parse("12.5"));
        assertEquals(1e-3, StrictJson.parse("1e-3"));
        assertEquals(Double.POSITIVE_INFINITY, StrictJson.parse("1e999999999999"));
        assertEquals(1e20, StrictJson.parse(" 100000000000000000000 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{a:1}", "{'a':1}", "[1,]", "[,1]", "[1 2]",
        "\"unclosed", "\"bad \\q escape\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\u\"", "\"ends in \\",
        "\"lone high \\ud83d\"", "\"lone high \\ud83d then text\"", "\"high then high \\ud83d\\ud83d\"",
        "01", "-", "+1", "1.", ".5", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "1.5.2",
        "tru", "nul", "True", "{\"a\":1} {\"b\":2}", "{\"a\":1}x", "[]]",
        "{\"severity\":\"WARNING\",\"severity\":\"RESOLVED\"}",
        "\"tab\tinside\"", "\"newline\ninside\"", "\u00a0{}", "{}\u2028",
    })
    void refusesWhatIsNotStrictJson(String text) {
        assertThrows(StrictJson.SyntaxError.class, () -> StrictJson.parse(text), text);
    }

    @Test
    void refusesDeepNestingWithoutRecursingIntoIt() {
        String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        StrictJson.SyntaxError error = assertThrows(StrictJson.SyntaxError.class, () -> StrictJson.parse(deep));
        assertTrue(error.getMessage().contains("nested deeper than " + StrictJson.MAX_DEPTH), error.getMessage());

        String objects = "{\"a\":".repeat(StrictJson.MAX_DEPTH + 1) + "1" + "}".repeat(StrictJson.MAX_DEPTH + 1);
        assertThrows(StrictJson.SyntaxError.class, () -> StrictJson.parse(objects));
    }

    @Test
    void acceptsNestingUpToTheLimit() throws StrictJson.SyntaxError {
        String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertTrue(StrictJson.parse(deepest) instanceof List);
    }

    @Test
    void readsHugeStringsAndEscapesInALoop() throws StrictJson.SyntaxError {
        String huge = "x".repeat(2_000_000);
        assertEquals(huge, StrictJson.parse("\"" + huge + "\""));
        String escapes = "\\n".repeat(500_000);
        assertEquals("\n".repeat(500_000), StrictJson.parse("\"" + escapes + "\""));
    }

    @Test
    void saysWhereItStoppedWithoutEchoingControlCharacters() {
        StrictJson.SyntaxError error = assertThrows(StrictJson.SyntaxError.class,
                () -> StrictJson.parse("{\"a\":1,\u001b}"));
        assertEquals("expected a quoted name, found '\\u001b' at column 8", error.getMessage());
    }
}
