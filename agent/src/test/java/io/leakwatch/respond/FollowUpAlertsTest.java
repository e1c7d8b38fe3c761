package io.leakwatch.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.export.AlertFanOut;

class FollowUpAlertsTest {

    private final List<Alert> reported = new ArrayList<>();
    private final FollowUpAlerts followUps = new FollowUpAlerts(new AlertFanOut(List.of(reported::add)));

    private static Alert alert(Severity severity, long second) {
        return Alert.builder(Instant.ofEpochSecond(second), severity, AlertKind.CONTAINER)
                .site("com.acme.A#cache").type("java.util.HashMap").size(500).growthPerMin(120).build();
    }

    @Test
    void eachStateIsRepeatedOnceWithEveryFieldKept() {
        Alert warning = alert(Severity.WARNING, 10);
        assertTrue(followUps.repeat(warning.amend().heapDump("/d/1.hprof").build()));
        assertFalse(followUps.repeat(warning.amend().heapDump("/d/2.hprof").build()), "a second repeat of one state");
        assertTrue(followUps.repeat(alert(Severity.CRITICAL, 20).amend().heapDump("/d/3.hprof").build()));

        assertEquals(2, reported.size());
        Alert repeated = reported.get(0);
        assertEquals("/d/1.hprof", repeated.heapDump());
        assertEquals(Severity.WARNING, repeated.severity());
        assertEquals(warning.time(), repeated.time());
        assertEquals("com.acme.A#cache", repeated.site());
        assertEquals(500L, repeated.size());
        assertEquals("java.util.HashMap", repeated.type());
    }
}
