package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;

/**
 * The heap judgement on what real collectors did: traces of {@code LibraryHeapShapes} recorded on G1 in a 96 MB heap
 * (as {@code HealthyHeapShapesIT} and {@code HeapLeadTimeIT} run them), some beside other busy JVMs, replayed at every
 * pass phase and at paces from faster to twice as slow. A forked JVM shows one timing per run; a false alarm that
 * needs a rare phase or pace shows here every time.
 */
class RecordedHeapTracesTest {

    /**
     * Each trace is replayed up to the slowest pace its index line names: slower, a healthy shape's rise with no old
     * collection at all (the warm-up's, the promotion shape's first climb) would last the two windows after which
     * such a rise is the leak's own shape (docs/limits.md), since G1 marks only near half full.
     */
    private static final double[] PACES = {0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0};
    /** As {@code HeapLeadTimeIT}: the first heap alert comes while half the time to the error is still ahead. */
    private static final double MIN_LEAD_FRACTION = 0.5;

    private final LeakwatchConfig config;

    RecordedHeapTracesTest() throws ConfigException {
        config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
    }

    static Stream<Arguments> healthyTraces() {
        return RecordedTraces.named("heap-traces", "healthy");
    }

    static Stream<Arguments> leakTraces() {
        return RecordedTraces.named("heap-traces", "leak");
    }

    @ParameterizedTest(name = "{0} up to pace {1}")
    @MethodSource("healthyTraces")
    void aHealthyShapeIsNeverReportedAtAnyPhaseOrPace(String name, double slowestPace) {
        RecordedHeapTrace trace = RecordedHeapTrace.load(name);
        RecordedTraces.assertNeverReported(name, RecordedTraces.pacesUpTo(PACES, slowestPace),
                (phase, pace) -> trace.replay(config, phase, pace));
    }

    static Stream<Arguments> knownFalseAlarms() {
        return RecordedTraces.named("heap-traces", "known");
    }

    /**
     * A known false alarm is pinned, so that the change that mends it also moves its trace among the healthy. None
     * is known now; the test stays for the next one.
     */
    @ParameterizedTest(name = "{0} at pace {1}", allowZeroInvocations = true)
    @MethodSource("knownFalseAlarms")
    void aKnownFalseAlarmIsStillRaised(String name, double pace) {
        RecordedHeapTrace trace = RecordedHeapTrace.load(name);
        boolean raised = false;
        for (long phase : RecordedTraces.PHASES_MILLIS) {
            raised |= !trace.replay(config, phase, pace).isEmpty();
        }
        assertTrue(raised, name + " no longer raises an alert at pace " + pace + ": list it as healthy");
    }

    @ParameterizedTest(name = "{0} up to pace {1}")
    @MethodSource("leakTraces")
    void aLeakIsReportedWithHalfTheTimeToOutOfMemoryAheadAtAnyPhaseOrPace(String name, double slowestPace) {
        RecordedHeapTrace trace = RecordedHeapTrace.load(name);
        assertTrue(trace.outOfMemoryMillis().isPresent(), name + " ends in OutOfMemoryError");
        RecordedTraces.assertReportedAhead(name, RecordedTraces.pacesUpTo(PACES, slowestPace),
                trace.outOfMemoryMillis().getAsLong(), MIN_LEAD_FRACTION, (phase, pace) -> trace.replay(config, phase, pace));
    }
}
