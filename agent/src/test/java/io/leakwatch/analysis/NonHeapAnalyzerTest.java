package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AlertLine;
import io.leakwatch.nonheap.NonHeapKind;
import io.leakwatch.nonheap.NonHeapReading;

/**
 * Class metadata and buffer pools, read at every pass (500 ms, window 10 s): a steady rise is reported with
 * its projection against the pool's limit, or without one when there is no limit; churn that frees at
 * collections, however rarely, and warm-ups that level off are not.
 */
class NonHeapAnalyzerTest {

    private static final long MIB = 1024 * 1024;
    private static final long LIMIT = 64 * MIB;

    private final List<Alert> alerts = new ArrayList<>();
    private final LeakAnalyzer analyzer;
    private LongUnaryOperator usedAt = t -> 0;
    private NonHeapKind kind = NonHeapKind.METASPACE;
    private String pool = "Metaspace";
    private long limit = LIMIT;
    private long classUnloadingCollections = 2;

    NonHeapAnalyzerTest() throws ConfigException {
        LeakwatchConfig config = new ConfigParser(notice -> { })
                .parse("interval=500ms,window=10s,critical.horizon=30s", Map.of(), Map.of());
        analyzer = new LeakAnalyzer(config, id -> "unused#site");
        analyzer.watchNonHeap(t -> List.of(kind == NonHeapKind.DIRECT
                ? NonHeapReading.buffers(pool, t, usedAt.applyAsLong(t), limit)
                : new NonHeapReading(kind, pool, t, usedAt.applyAsLong(t) / 2, usedAt.applyAsLong(t), limit,
                        5_000 + t / 10, 3, classUnloadingCollections)));
    }

    private void run(long to) {
        run(0, to);
    }

    private void run(long from, long to) {
        for (long t = from; t <= to; t += 500) {
            alerts.addAll(analyzer.analyze(t, List.of(), List.of()));
        }
    }

    private Alert first() {
        return alerts.isEmpty() ? null : alerts.get(0);
    }

    @Test
    void aSteadyMetaspaceRiseIsReportedAfterTwoWindowsWithItsProjection() {
        // 10 MiB, then 0.7 MiB/s: full at about 77 s.
        usedAt = t -> 10 * MIB + t * 7 * MIB / 10_000;
        run(40_000);
        Alert alert = first();
        assertNotNull(alert, "the rise is reported");
        assertEquals(AlertKind.METASPACE, alert.kind());
        assertEquals("Metaspace", alert.pool());
        long raisedAt = alert.time().toEpochMilli();
        assertTrue(raisedAt >= 19_500 && raisedAt <= 24_000, "after two windows of history: " + raisedAt);
        assertEquals(LIMIT, alert.heapMax());
        assertEquals(usedAt.applyAsLong(raisedAt) / 2, alert.heapUsedAfterGc(), "bytes used, not committed");
        assertEquals(42.0, alert.growthPerMin() / MIB, 2.0);
        double expectedSeconds = (LIMIT - usedAt.applyAsLong(raisedAt)) / (0.7 * MIB);
        assertEquals(expectedSeconds, alert.secondsToExhaustion(), expectedSeconds * 0.1);
        assertEquals(5_000 + raisedAt / 10, alert.loadedClasses());
        assertEquals(3, alert.unloadedClasses());
    }

    @Test
    void classMetadataIsNotGrowthBeforeTheJvmHasTwiceLookedForDeadClasses() {
        // A churn's climb looks like a leak until the collections that unload classes have run: G1's first
        // keeps the loaders that died young. The rise counts from an interval after the second.
        classUnloadingCollections = 0;
        usedAt = t -> 10 * MIB + t * 7 * MIB / 10_000;
        run(0, 25_000);
        classUnloadingCollections = 1;
        run(25_500, 30_000);
        assertTrue(alerts.isEmpty(), alerts.toString());
        classUnloadingCollections = 2;
        run(30_500, 30_500);
        assertTrue(alerts.isEmpty(), "not before an interval has passed: " + alerts);
        run(31_000, 31_000);
        assertEquals(1, alerts.size(), "the rise that outlasted both collections is growth");
    }

    @Test
    void withoutALimitTheRiseIsAWarningWithoutProjection() {
        limit = NonHeapReading.NO_LIMIT;
        usedAt = t -> 10 * MIB + t * 7 * MIB / 10_000;
        run(60_000);
        assertEquals(1, alerts.size(), alerts.toString());
        Alert alert = first();
        assertEquals(Severity.WARNING, alert.severity());
        assertNull(alert.heapMax());
        assertNull(alert.secondsToExhaustion());
        assertTrue(AlertLine.format(alert).startsWith("[leakwatch] WARNING metaspace pool 'Metaspace' grows by "),
                AlertLine.format(alert));
        assertTrue(AlertLine.format(alert).contains("no limit set"), AlertLine.format(alert));
    }

    @Test
    void aDirectLeakBesideChurnIsConfirmedByTheUsagesAfterEachFree() {
        kind = NonHeapKind.DIRECT;
        pool = "direct";
        // 0.5 MiB/s kept, plus 2 MiB/s of buffers that a collection every 3 s frees.
        usedAt = t -> 4 * MIB + t * MIB / 2_000 + (t % 3_000) * 2 * MIB / 1_000;
        run(30_000);
        Alert alert = first();
        assertNotNull(alert, "the leak under the churn is reported");
        assertEquals(AlertKind.DIRECT, alert.kind());
        assertTrue(alert.time().toEpochMilli() <= 16_000, "within a window and a half: " + alert.time());
        assertNull(alert.loadedClasses());
        assertTrue(AlertLine.format(alert).contains("direct buffer pool 'direct' grows by "), AlertLine.format(alert));
    }

    @Test
    void loadersReleasedAtCollectionsAreNeverReported() {
        // Climbs 0.7 MiB/s from 12 MiB for 17 s (nearly two windows), then a collection unloads it all.
        usedAt = t -> 12 * MIB + (t % 18_000) * 7 * MIB / 10_000;
        run(120_000);
        assertTrue(alerts.isEmpty(), alerts.toString());
    }

    @Test
    void aClimbThatOnlyRetracesTheLastOneIsNotGrowthUntilItPassesThePreviousPeak() {
        // Collections so rare that a churn's climb lasts 40 s, four windows: the first climb looks like a leak;
        // the second, once the first fall has shown where the sawtooth peaks, does not until it passes that peak.
        NonHeapFloor floor = new NonHeapFloor(10_000, 500);
        TrendDetector detector = new TrendDetector(10_000, 500);
        boolean firstClimb = false;
        boolean secondClimbBelowThePeak = false;
        boolean pastThePeak = false;
        for (long t = 0; t <= 100_000; t += 500) {
            long used = 12 * MIB + (t < 40_000 ? t : t - 40_000) * MIB / 2_000;
            floor.record(new NonHeapReading(NonHeapKind.METASPACE, "Metaspace", t, used, used, LIMIT, 5_000, 0, 2));
            boolean persistent = floor.judge(detector, t).persistentGrowth();
            if (t < 40_000) {
                firstClimb |= persistent;
            } else if (t < 79_500) {
                secondClimbBelowThePeak |= persistent;
            } else {
                pastThePeak |= persistent;
            }
        }
        assertTrue(firstClimb, "with no fall seen yet, a long climb is a leak");
        assertFalse(secondClimbBelowThePeak, "the same climb again is the churn's sawtooth");
        assertTrue(pastThePeak, "a climb past the previous peak is growth");
    }

    @Test
    void aChurnWhosePeakCreepsUpALittleEachTimeIsNeverReported() {
        // Climbs 1 MiB/s for 25 s (two and a half windows) from 12 MiB, then a collection unloads it all; the
        // JVM's high-water mark, and so each peak, is 200 KiB higher than the one before.
        usedAt = t -> {
            long cycle = t / 26_000;
            long phase = t % 26_000;
            return phase >= 25_000 ? 12 * MIB : 12 * MIB + phase * MIB / 1_000 + cycle * 200 * 1024;
        };
        // Watched from late in a climb, so that the first fall comes before any climb has lasted two windows.
        run(20_000, 200_000);
        assertTrue(alerts.isEmpty(), alerts.stream().map(alert -> alert.time() + " " + alert.severity())
                .collect(java.util.stream.Collectors.toList()).toString());
    }

    @Test
    void aWarmUpThatLevelsOffIsNeverReported() {
        // 24 MiB of classes or buffers, ever more slowly (a 3 s time constant), then nothing.
        kind = NonHeapKind.DIRECT;
        pool = "direct";
        usedAt = t -> Math.round(MIB * (2 + 24 * (1 - Math.exp(-t / 3_000.0))));
        run(60_000);
        assertTrue(alerts.isEmpty(), alerts.toString());
    }

    @Test
    void theSnapshotCarriesEachPoolAndCountsItsAlertsByKind() {
        usedAt = t -> 10 * MIB + t * 7 * MIB / 10_000;
        run(30_000);
        AnalysisSnapshot snapshot = analyzer.snapshot(10);
        assertEquals(1, snapshot.nonHeapPools().size());
        NonHeapPoolStatus status = snapshot.nonHeapPools().get(0);
        assertEquals("Metaspace", status.pool());
        assertEquals(AlertKind.METASPACE, status.kind());
        assertEquals(LIMIT, status.limit().getAsLong());
        assertTrue(status.secondsToExhaustion().isPresent());
        assertEquals(1, snapshot.activeAlerts(Severity.WARNING, AlertKind.METASPACE)
                + snapshot.activeAlerts(Severity.CRITICAL, AlertKind.METASPACE));
        assertEquals(0, snapshot.activeAlerts(Severity.WARNING, AlertKind.HEAP));
    }
}
