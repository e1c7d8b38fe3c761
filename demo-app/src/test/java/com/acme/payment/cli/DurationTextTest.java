package com.acme.payment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @Test
    void parsesEachUnit() throws Exception {
        assertEquals(Duration.ofMillis(250), DurationText.parse("250ms"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofMinutes(5), DurationText.parse("5m"));
        assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 m", "-5m", "1.5m", "5d", "5M"})
    void rejectsOtherForms(String text) {
        assertThrows(UsageException.class, () -> DurationText.parse(text));
    }

    @Test
    void formatsInTheLargestExactUnit() {
        assertEquals("6m", DurationText.format(Duration.ofMinutes(6)));
        assertEquals("90s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("2h", DurationText.format(Duration.ofHours(2)));
        assertEquals("1500ms", DurationText.format(Duration.ofMillis(1500)));
    }
}
