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
        // keeps the loaders that died young. The rise counts from a quarter window after the second, time for the
        // G1 cycle it started to unload.
        classUnloadingCollections = 0;
        usedAt = t -> 10 * MIB + t * 7 * MIB / 10_000;
        run(0, 25_000);
        classUnloadingCollections = 1;
        run(25_500, 30_000);
        assertTrue(alerts.isEmpty(), alerts.toString());
        classUnloadingCollections = 2;
        run(30_500, 32_500);
        assertTrue(alerts.isEmpty(), "not before a quarter window has passed: " + alerts);
        run(33_000, 33_000);
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
    void aClimbOfBuffersThatOnlyRetracesTheLastOneIsNotGrowthUntilItPassesThePreviousPeak() {
        // Promoted buffers freed by collections so rare that a climb lasts 40 s, four windows: the first climb looks
        // like a leak; the second, once the first fall has shown where the sawtooth peaks, does not until it passes
        // that peak.
        NonHeapFloor floor = new NonHeapFloor(10_000, 500);
        TrendDetector detector = new TrendDetector(10_000, 500);
        boolean firstClimb = false;
        boolean secondClimbBelowThePeak = false;
        boolean pastThePeak = false;
        for (long t = 0; t <= 100_000; t += 500) {
            long used = 12 * MIB + (t < 40_000 ? t : t - 40_000) * MIB / 2_000;
            floor.record(NonHeapReading.buffers("direct", t, used, LIMIT));
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
    void aChurnOfClassLoadersIsNeverGrowthHoweverLongItsClimbsOrHighItsPeaks() {
        // Climbs of 0.7 MiB/s for 20 to 45 s (up to four and a half windows), each ended by a collection that
        // unloads classes, whose fall comes a second later (G1 unloads at the Remark of the cycle it started); the
        // first frees nothing (G1 keeps the loaders that died young through it). At 50 s the agent's first
        // evidence recording adds 3 MiB of Flight Recorder's classes, which stay.
        long[] climbs = {20_000, 30_000, 45_000, 25_000, 40_000};
        int climb = 0;
        long climbStart = 0;
        long fallAt = -1;
        long level = 12 * MIB;
        classUnloadingCollections = 0;
        for (long t = 0; t <= 240_000; t += 500) {
            if (t - climbStart >= climbs[climb % climbs.length]) {
                classUnloadingCollections++;
                climbStart = t;
                climb++;
                fallAt = classUnloadingCollections > 1 ? t + 1_000 : -1;
            }
            long kept = t >= 50_000 ? 15 * MIB : 12 * MIB;
            level = t == fallAt ? kept : level + (t == 50_000 ? 3 * MIB : 0) + 350 * 1024;
            long now = level;
            usedAt = ignored -> now;
            run(t, t);
        }
        assertTrue(alerts.isEmpty(), alerts.toString());
    }

    @Test
    void aClimbIsGrowthOnceTwoCollectionsThatUnloadClassesFreedNothing() {
        // A churn whose collections free at 20, 40 and 60 s; from then on every loader is kept: the collections at
        // 80 and 100 s free nothing. The climb counts from a quarter window after the second of them.
        long level = 12 * MIB;
        classUnloadingCollections = 0;
        for (long t = 0; t <= 120_000; t += 500) {
            if (t > 0 && t % 20_000 == 0) {
                classUnloadingCollections++;
                level = t <= 60_000 && classUnloadingCollections > 1 ? 12 * MIB : level;
            }
            level += 350 * 1024;
            long now = level;
            usedAt = ignored -> now;
            run(t, t);
            if (t < 102_500) {
                assertTrue(alerts.isEmpty(), "at " + t + ": " + alerts);
            }
        }
        assertFalse(alerts.isEmpty(), "a climb the JVM twice failed to unload is growth");
        assertTrue(alerts.get(0).time().toEpochMilli() <= 110_000, "soon after: " + alerts.get(0).time());
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
