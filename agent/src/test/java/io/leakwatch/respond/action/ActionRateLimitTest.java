package io.leakwatch.respond.action;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;

class ActionRateLimitTest {

    private static final long MINUTE = 60_000;

    private final ActionRateLimit limit = new ActionRateLimit(10 * MINUTE, 3);

    private static Alert alert(String site, Severity severity) {
        return Alert.builder(Instant.EPOCH, severity, AlertKind.CONTAINER).site(site).build();
    }

    @Test
    void oneActionPerSubjectAndSeverityPerInterval() {
        assertTrue(limit.admit(alert("A#f", Severity.WARNING), -5 * MINUTE), "first, whatever the clock reads");
        assertFalse(limit.admit(alert("A#f", Severity.WARNING), 4 * MINUTE), "flapped back within the interval");
        assertTrue(limit.admit(alert("A#f", Severity.CRITICAL), 4 * MINUTE), "another severity");
        assertTrue(limit.admit(alert("B#f", Severity.WARNING), 4 * MINUTE), "another site");
        assertTrue(limit.admit(alert("A#f", Severity.WARNING), 5 * MINUTE), "the interval has passed");
        assertFalse(limit.admit(alert("A#f", Severity.WARNING), 14 * MINUTE));
    }

    @Test
    void aReleasedActionDoesNotCount() {
        assertTrue(limit.admit(alert("A#f", Severity.WARNING), 0));
        limit.release(alert("A#f", Severity.WARNING));
        assertTrue(limit.admit(alert("A#f", Severity.WARNING), MINUTE));
    }

    @Test
    void beyondItsBoundItForgetsTheSubjectActedOnLongestAgo() {
        assertTrue(limit.admit(alert("A#f", Severity.WARNING), 0));
        assertTrue(limit.admit(alert("B#f", Severity.WARNING), 1));
        assertTrue(limit.admit(alert("C#f", Severity.WARNING), 2));
        assertFalse(limit.admit(alert("A#f", Severity.WARNING), 3), "a refusal does not make A recent");
        assertTrue(limit.admit(alert("D#f", Severity.WARNING), 4));

        assertTrue(limit.admit(alert("A#f", Severity.WARNING), 5), "A was forgotten");
        assertFalse(limit.admit(alert("C#f", Severity.WARNING), 6), "C is still remembered");
    }
}
