package io.leakwatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Evidence;
import io.leakwatch.analysis.Severity;

class AlertJsonTest {

    @Test
    void writesOnlyTheFieldsThatApply() {
        Alert alert = Alert.builder(Instant.parse("2026-11-25T10:15:30Z"), Severity.WARNING, AlertKind.CONTAINER)
                .site("com.acme.payment.FraudService#recentTransactions")
                .type("java.util.HashMap")
                .size(1234)
                .growthPerMin(456.789)
                .estimatedBytes(98765)
                .evidence(List.of(new Evidence(7, "com.acme.Tx", List.of("a \"quoted\" frame"), List.of()),
                        new Evidence(2, "java.lang.Object[]", List.of("B.c(B.java:2)"), List.of("static A.tx", "[3]"))))
                .build()
                .amend().heapDump("/dumps/x.hprof").build();
        assertEquals("{\"time\":\"2026-11-25T10:15:30Z\",\"severity\":\"WARNING\",\"kind\":\"container\","
                + "\"site\":\"com.acme.payment.FraudService#recentTransactions\",\"type\":\"java.util.HashMap\","
                + "\"size\":1234,\"growthPerMin\":456.8,\"estimatedBytes\":98765,"
                + "\"evidence\":[{\"count\":7,\"type\":\"com.acme.Tx\",\"stack\":[\"a \\\"quoted\\\" frame\"]},"
                + "{\"count\":2,\"type\":\"java.lang.Object[]\",\"stack\":[\"B.c(B.java:2)\"],"
                + "\"path\":[\"static A.tx\",\"[3]\"]}],\"heapDump\":\"/dumps/x.hprof\"}", AlertJson.toJson(alert));
    }

    @Test
    void theHumanLineStartsWithThePrefix() {
        Alert alert = Alert.builder(Instant.EPOCH, Severity.CRITICAL, AlertKind.CONTAINER)
                .site("com.acme.A#cache").size(10).growthPerMin(1200).build();
        String line = AlertLine.format(alert);
        assertTrue(line.startsWith("[leakwatch] CRITICAL container com.acme.A#cache grows by 1,200 elements/min"), line);
    }

    @Test
    void formatsBytesAndDurationsForPeople() {
        assertEquals("512 B", AlertLine.bytes(512));
        assertEquals("1.5 MiB", AlertLine.bytes(1536 * 1024));
        assertEquals("45s", AlertLine.duration(45));
        assertEquals("3m20s", AlertLine.duration(200));
        assertEquals("2h05m", AlertLine.duration(7500));
    }
}
