package io.leakwatch.respond.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Evidence;
import io.leakwatch.analysis.Severity;

class ActionEnvironmentTest {

    @Test
    void fieldNamesBecomeUpperCaseVariablesWithUnderscoresBetweenWords() {
        assertEquals("LEAKWATCH_SEVERITY", ActionEnvironment.variableName("severity"));
        assertEquals("LEAKWATCH_GROWTH_PER_MIN", ActionEnvironment.variableName("growthPerMin"));
        assertEquals("LEAKWATCH_HEAP_USED_AFTER_GC", ActionEnvironment.variableName("heapUsedAfterGc"));
        assertEquals("LEAKWATCH_SECONDS_TO_EXHAUSTION", ActionEnvironment.variableName("secondsToExhaustion"));
    }

    @Test
    void aContainerAlertGivesItsFieldsTheKeyAndThePidButNotItsEvidence() {
        Alert alert = Alert.builder(Instant.parse("2026-11-29T04:00:00Z"), Severity.WARNING, AlertKind.CONTAINER)
                .site("com.acme.Cache#entries").type("java.util.HashMap").size(41_080).growthPerMin(235_185.44)
                .estimatedBytes(4_975_568)
                .evidence(List.of(new Evidence(12, "com.acme.Entry", List.of("com.acme.Cache.put(Cache.java:9)"),
                        List.of())))
                .build();

        Map<String, String> variables = ActionEnvironment.of(alert, "0123abcd", 4242);

        assertEquals(Map.of(
                "LEAKWATCH_TIME", "2026-11-29T04:00:00Z",
                "LEAKWATCH_SEVERITY", "WARNING",
                "LEAKWATCH_KIND", "container",
                "LEAKWATCH_SITE", "com.acme.Cache#entries",
                "LEAKWATCH_TYPE", "java.util.HashMap",
                "LEAKWATCH_SIZE", "41080",
                "LEAKWATCH_GROWTH_PER_MIN", "235185.4",
                "LEAKWATCH_ESTIMATED_BYTES", "4975568",
                "LEAKWATCH_IDEMPOTENCY_KEY", "0123abcd",
                "LEAKWATCH_PID", "4242"), variables);
        assertFalse(variables.containsKey("LEAKWATCH_EVIDENCE"));
    }

    @Test
    void aHeapAlertGivesItsPoolAndPlainNumbersThatScriptsCanRead() {
        Alert alert = Alert.builder(Instant.parse("2026-11-29T04:00:00Z"), Severity.CRITICAL, AlertKind.HEAP)
                .pool("G1 Old Gen").growthPerMin(72_456_000.0)
                .usage(53_000_000L, OptionalLong.of(134_217_728L), OptionalDouble.of(51.25))
                .build();

        Map<String, String> variables = ActionEnvironment.of(alert, "k", 1);

        assertEquals("G1 Old Gen", variables.get("LEAKWATCH_POOL"));
        assertEquals("72456000", variables.get("LEAKWATCH_GROWTH_PER_MIN"));
        assertEquals("53000000", variables.get("LEAKWATCH_HEAP_USED_AFTER_GC"));
        assertEquals("134217728", variables.get("LEAKWATCH_HEAP_MAX"));
        assertEquals("51.3", variables.get("LEAKWATCH_SECONDS_TO_EXHAUSTION"));
        assertFalse(variables.containsKey("LEAKWATCH_SITE"));
        assertFalse(variables.containsKey("LEAKWATCH_SIZE"));
    }
}
