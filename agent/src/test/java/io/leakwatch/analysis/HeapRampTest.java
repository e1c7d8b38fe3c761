package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;
import io.leakwatch.track.ContainerSample;

/**
 * A live set that ramps up at start and levels off is not a leak, and CRITICAL needs two windows of
 * growth: synthetic floors after GC (a collection every 500 ms, one that reclaims every 2 s)
 * through the real analyzer on a fake clock.
 */
class HeapRampTest {

    private static final long MIB = 1024 * 1024;
    private static final String POOL = "G1 Old Gen";

    private final List<Alert> alerts = new ArrayList<>();

    private static LeakwatchConfig config(String window) {
        try {
            return new ConfigParser(notice -> { }).parse("interval=500ms,window=" + window, Map.of(), Map.of());
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /** Passes every 500 ms up to {@code until}, with the heap floor and one container's size given by time. */
    private void run(LeakwatchConfig config, long until, long heapMax, LongUnaryOperator floor,
            LongUnaryOperator containerSize) {
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "com.acme.Db#rows");
        for (long t = 0; t <= until; t += 500) {
            // A few hundred KB of promoted garbage that the next reclaiming collection frees.
            long noise = (t / 500 % 4) * 300 * 1024;
            List<PoolUsageAfterGc> heap = List.of(
                    new PoolUsageAfterGc(POOL, t, floor.applyAsLong(t) + noise, heapMax, t % 2_000 == 0));
            alerts.addAll(analyzer.analyze(t, List.of(new ContainerSample(0, containerSize.applyAsLong(t),
                    "java.util.HashMap")), heap));
        }
    }

    private List<String> described(AlertKind kind) {
        List<String> described = new ArrayList<>();
        for (Alert alert : alerts) {
            if (alert.kind() == kind) {
                described.add(alert.severity() + " at " + alert.time().toEpochMilli());
            }
        }
        return described;
    }

    private long firstTime(AlertKind kind, Severity severity) {
        return alerts.stream().filter(alert -> alert.kind() == kind && alert.severity() == severity)
                .mapToLong(alert -> alert.time().toEpochMilli()).findFirst().orElse(-1);
    }

    /** The reported case: ~78 MB loaded within the first seconds, then a steady load; window 40 s. */
    @Test
    void aWorkingSetLoadedAtStartIsNeverReported() {
        run(config("40s"), 200_000, 512 * MIB, t -> 30 * MIB + Math.min(78 * MIB, t * 78 * MIB / 8_000), t -> 5);
        assertEquals(List.of(), described(AlertKind.HEAP));
    }

    /** 40 MB within the first two seconds of a 10 s window in a 128 MB heap: the forked-JVM ramp. */
    @Test
    void aRampWithinTheFirstQuarterThatLevelsOffIsNeverReported() {
        run(config("10s"), 60_000, 128 * MIB, t -> 10 * MIB + Math.min(40 * MIB, t * 40 * MIB / 2_000), t -> 5);
        assertEquals(List.of(), described(AlertKind.HEAP));
    }

    /**
     * A ramp over most of a window that levels off is never reported: the window ending as it levels off
     * may take it for growth, but not the judgements a quarter of a window later. (A quarter's floor is
     * where the quarter began, so a heap floor looks rising for half a window after the ramp ends: a ramp
     * over more than three quarters of a window may warn, as the next test allows.)
     */
    @Test
    void aRampOverMostOfAWindowThatLevelsOffIsNeverReported() {
        for (long rampMillis : new long[] {3_000, 5_000, 7_000}) {
            alerts.clear();
            run(config("10s"), 60_000, 128 * MIB, t -> 10 * MIB + Math.min(40 * MIB, t * 40 * MIB / rampMillis),
                    t -> 5);
            assertEquals(List.of(), described(AlertKind.HEAP), "a ramp over " + rampMillis + " ms");
        }
    }

    /** A ramp over a window, or a little more, may warn while it rises; it is never CRITICAL and resolves. */
    @Test
    void aRampOfAboutAWindowIsNeverCriticalAndResolves() {
        for (long rampMillis : new long[] {8_000, 9_000, 10_000, 12_000}) {
            alerts.clear();
            run(config("10s"), 60_000, 128 * MIB, t -> 10 * MIB + Math.min(40 * MIB, t * 40 * MIB / rampMillis),
                    t -> 5);
            List<String> heap = described(AlertKind.HEAP);
            assertTrue(heap.stream().noneMatch(alert -> alert.startsWith("CRITICAL")), rampMillis + ": " + heap);
            assertTrue(heap.isEmpty() || heap.get(heap.size() - 1).startsWith("RESOLVED"), rampMillis + ": " + heap);
        }
    }

    @Test
    void aSteadyLeakWarnsAQuarterAfterOneWindowAndIsCriticalOnceItHasLastedTwo() {
        run(config("10s"), 40_000, 256 * MIB, t -> 50 * MIB + t * MIB / 1_000, t -> 5);
        assertEquals(2, described(AlertKind.HEAP).size(), described(AlertKind.HEAP).toString());
        long warning = firstTime(AlertKind.HEAP, Severity.WARNING);
        long critical = firstTime(AlertKind.HEAP, Severity.CRITICAL);
        // The first window may begin up to one interval before the first sample.
        assertTrue(warning >= 12_000 && warning <= 13_000, "WARNING 1.25 windows after growth began: " + warning);
        assertTrue(critical >= 19_500 && critical <= 20_500, "CRITICAL once growth lasted two windows: " + critical);
    }

    @Test
    void aSteadyLeakFarFromExhaustionStaysWarning() {
        run(config("10s,critical.horizon=1m"), 60_000, 256 * MIB, t -> 50 * MIB + t * MIB / 1_000, t -> 5);
        assertEquals(List.of("WARNING at " + firstTime(AlertKind.HEAP, Severity.WARNING)), described(AlertKind.HEAP));
    }

    /** A bounded cache warming up over a little more than a window, beside a CRITICAL heap, stays WARNING. */
    @Test
    void aCacheWarmingUpBesideACriticalHeapIsNotCritical() {
        run(config("10s"), 60_000, 256 * MIB, t -> 50 * MIB + t * MIB / 1_000, t -> Math.min(12_000, t));
        assertTrue(described(AlertKind.HEAP).contains("CRITICAL at " + firstTime(AlertKind.HEAP, Severity.CRITICAL)));
        assertTrue(described(AlertKind.CONTAINER).stream().noneMatch(alert -> alert.startsWith("CRITICAL")),
                described(AlertKind.CONTAINER).toString());
    }

    /** A container that keeps growing beside a CRITICAL heap becomes CRITICAL too. */
    @Test
    void aGrowingContainerBesideACriticalHeapIsCritical() {
        run(config("10s"), 40_000, 256 * MIB, t -> 50 * MIB + t * MIB / 1_000, t -> t);
        assertTrue(described(AlertKind.CONTAINER).stream().anyMatch(alert -> alert.startsWith("CRITICAL")),
                described(AlertKind.CONTAINER).toString());
    }
}
