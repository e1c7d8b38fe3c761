package io.leakwatch.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EchoedValueTest {

    @Test
    void ordinaryTextIsShownAsItIs() {
        assertEquals("'10s'", EchoedValue.quoted("10s"));
        assertEquals("C:\\temp\\events.jsonl caf\u00e9 \u65e5\u672c \ud83d\ude00", EchoedValue.escaped(
                "C:\\temp\\events.jsonl caf\u00e9 \u65e5\u672c \ud83d\ude00"));
    }

    @Test
    void lineBreaksAndEscapeSequencesCannotReachTheTerminal() {
        assertEquals("'soon\\n[leakwatch] forged'", EchoedValue.quoted("soon\n[leakwatch] forged"));
        assertEquals("a\\r\\tb\\u001b[31m\\u0000\\u007f\\u0085\\u2028\\u2029\\u202e\\u200b",
                EchoedValue.escaped("a\r\tb\u001b[31m\u0000\u007f\u0085\u2028\u2029\u202e\u200b"));
    }

    @Test
    void halfASurrogatePairIsShownEscaped() {
        assertEquals("x\\ud83dy", EchoedValue.escaped("x\ud83dy"));
        assertEquals("\\ude00", EchoedValue.escaped("\ude00"));
    }

    @Test
    void aLongValueIsCutAndItsLengthGiven() {
        String value = "y".repeat(20_000);
        String shown = EchoedValue.quoted(value);
        assertEquals("'" + "y".repeat(EchoedValue.MAX_SHOWN_CHARS) + "...' (20000 chars)", shown);
        assertEquals("y".repeat(10) + "... (20000 chars)", EchoedValue.of(value, 10));
        assertEquals("'" + "y".repeat(EchoedValue.MAX_SHOWN_CHARS) + "'",
                EchoedValue.quoted("y".repeat(EchoedValue.MAX_SHOWN_CHARS)));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String value = "y".repeat(EchoedValue.MAX_SHOWN_CHARS - 1) + "\ud83d\ude00" + "z".repeat(10);
        String shown = EchoedValue.quoted(value);
        assertFalse(shown.contains("\\ud83d"), shown);
        assertTrue(shown.startsWith("'" + "y".repeat(EchoedValue.MAX_SHOWN_CHARS - 1) + "...'"), shown);
    }

    @Test
    void aCutValueStaysShortEvenWhenEveryCharacterIsEscaped() {
        String shown = EchoedValue.quoted("\u001b".repeat(1_000_000));
        assertTrue(shown.length() < EchoedValue.MAX_SHOWN_CHARS * 6 + 40, shown);
        assertFalse(shown.contains("\u001b"));
    }
}
