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
 * The metaspace judgement on what real JVMs did: {@code ClassLoaderShapes} on G1 with a 96 MB Metaspace limit, as
 * {@code HealthyNonHeapShapesIT} and {@code MetaspaceLeakIT} run them, recorded side by side on a loaded machine,
 * replayed at every pass phase and at paces from faster to slower. Their churns climb for 14 to 44 s between the
 * collections that unload classes, to peaks several MiB apart, and the agent's first evidence recording adds 3 MiB
 * of Flight Recorder's classes in the middle of one: none of it is growth. The leak is reported with at least half
 * the time to {@code OutOfMemoryError} ahead.
 */
class RecordedMetaspaceTracesTest {

    private static final double[] PACES = {0.8, 0.9, 1.0, 1.1, 1.25, 1.5};
    private static final double MIN_LEAD_FRACTION = 0.5;

    private final LeakwatchConfig config;

    RecordedMetaspaceTracesTest() throws ConfigException {
        config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
    }

    static Stream<Arguments> healthyTraces() {
        return RecordedTraces.named("metaspace-traces", "healthy");
    }

    static Stream<Arguments> leakTraces() {
        return RecordedTraces.named("metaspace-traces", "leak");
    }

    @ParameterizedTest(name = "{0} up to pace {1}")
    @MethodSource("healthyTraces")
    void aHealthyShapeIsNeverReportedAtAnyPhaseOrPace(String name, double slowestPace) {
        RecordedMetaspaceTrace trace = RecordedMetaspaceTrace.load(name);
        RecordedTraces.assertNeverReported(name, RecordedTraces.pacesUpTo(PACES, slowestPace),
                (phase, pace) -> trace.replay(config, phase, pace));
    }

    @ParameterizedTest(name = "{0} up to pace {1}")
    @MethodSource("leakTraces")
    void aLeakIsReportedWithHalfTheTimeToOutOfMemoryAheadAtAnyPhaseOrPace(String name, double slowestPace) {
        RecordedMetaspaceTrace trace = RecordedMetaspaceTrace.load(name);
        assertTrue(trace.outOfMemoryMillis().isPresent(), name + " ends in OutOfMemoryError");
        RecordedTraces.assertReportedAhead(name, RecordedTraces.pacesUpTo(PACES, slowestPace),
                trace.outOfMemoryMillis().getAsLong(), MIN_LEAD_FRACTION, (phase, pace) -> trace.replay(config, phase, pace));
    }
}
