package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The analysis keeps rates per second; an alert states them per minute, as the interface has it. */
class AlertBuilderTest {

    @Test
    void aRatePerSecondIsStatedPerMinute() {
        Alert alert = Alert.builder(Instant.EPOCH, Severity.WARNING, AlertKind.HEAP).pool("G1 Old Gen")
                .growthPerSecond(2.5).build();
        assertEquals(150.0, alert.growthPerMin());
    }
}
