package io.leakwatch.respond.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;

class IdempotencyKeysTest {

    private final IdempotencyKeys keys = new IdempotencyKeys("4242@1764388800000");

    private static Alert container(String site, Severity severity, long second, long size) {
        return Alert.builder(Instant.ofEpochSecond(second), severity, AlertKind.CONTAINER)
                .site(site).size(size).growthPerMin(size * 2.0).build();
    }

    @Test
    void aRepeatOfTheSameStateInTheSameJvmHasTheSameKey() {
        String first = keys.keyOf(container("com.acme.A#cache", Severity.WARNING, 10, 500));
        String later = keys.keyOf(container("com.acme.A#cache", Severity.WARNING, 900, 90_000));
        assertEquals(first, later);
        assertEquals(first, new IdempotencyKeys("4242@1764388800000")
                .keyOf(container("com.acme.A#cache", Severity.WARNING, 10, 500)));
        assertTrue(first.matches("[0-9a-f]{32}"), first);
    }

    @Test
    void anotherStateOrAnotherJvmHasAnotherKey() {
        String warning = keys.keyOf(container("com.acme.A#cache", Severity.WARNING, 10, 500));
        assertNotEquals(warning, keys.keyOf(container("com.acme.A#cache", Severity.CRITICAL, 10, 500)));
        assertNotEquals(warning, keys.keyOf(container("com.acme.B#cache", Severity.WARNING, 10, 500)));
        assertNotEquals(warning, keys.keyOf(Alert.builder(Instant.ofEpochSecond(10), Severity.WARNING, AlertKind.HEAP)
                .pool("com.acme.A#cache").build()));
        assertNotEquals(warning, new IdempotencyKeys("4242@1764392400000")
                .keyOf(container("com.acme.A#cache", Severity.WARNING, 10, 500)), "same pid, restarted JVM");
    }

    @Test
    void thisJvmsKeysAreStable() {
        Alert alert = container("com.acme.A#cache", Severity.WARNING, 10, 500);
        assertEquals(IdempotencyKeys.ofThisJvm().keyOf(alert), IdempotencyKeys.ofThisJvm().keyOf(alert));
    }
}
