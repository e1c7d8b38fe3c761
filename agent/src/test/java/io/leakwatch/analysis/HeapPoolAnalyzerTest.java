package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;

/**
 * Heap pools judged at every pass (500 ms, window 10 s): which rising pool is projected full soonest, what
 * each pool's status says, and the alerts counted as active.
 */
class HeapPoolAnalyzerTest {

    private static final long MIB = 1024 * 1024;

    private final LeakwatchConfig config;
    private final HeapPoolAnalyzer pools;
    private final List<Alert> alerts = new ArrayList<>();

    HeapPoolAnalyzerTest() throws ConfigException {
        config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s,critical.horizon=15m",
                Map.of(), Map.of());
        pools = new HeapPoolAnalyzer(config, new TrendDetector(config.windowMillis(), config.intervalMillis()));
    }

    /** A pool of {@code maxMib} whose live set starts at 50 MiB and rises by {@code mibPerSecond}. */
    private static PoolUsageAfterGc usage(String pool, long t, long maxMib, long mibPerSecond, boolean reclaimed) {
        return new PoolUsageAfterGc(pool, t, 50 * MIB + t * mibPerSecond * MIB / 1000, maxMib * MIB, reclaimed);
    }

    /** Passes up to {@code to} ms, returning the last pass's soonest projection. */
    private HeapProjection run(long to, boolean reclaimed, long... maxMibAndRate) {
        HeapProjection soonest = null;
        for (long t = 0; t <= to; t += 500) {
            List<PoolUsageAfterGc> usages = new ArrayList<>();
            for (int i = 0; i < maxMibAndRate.length; i += 2) {
                usages.add(usage("pool" + i / 2, t, maxMibAndRate[i], maxMibAndRate[i + 1],
                        reclaimed && t % 2_000 == 0));
            }
            soonest = pools.analyze(t, Instant.ofEpochMilli(t), usages, alerts);
        }
        return soonest;
    }

    @Test
    void theSoonestProjectionIsThePoolClosestToFullNotTheFirstNorTheLast() {
        // pool0 flat; pool1 512 MiB, pool2 256 MiB, pool3 384 MiB, all rising 1 MiB/s: pool2 is full first.
        HeapProjection soonest = run(15_000, false, 128, 0, 512, 1, 256, 1, 384, 1);
        assertNotNull(soonest);
        assertEquals("pool2", soonest.pool());
        assertEquals(256 - 65, soonest.secondsToExhaustion().getAsDouble(), 2.0);
    }

    @Test
    void aFasterRiseInALargerPoolCanBeSooner() {
        // pool0: 256 MiB at 1 MiB/s, ~191 s left; pool1: 512 MiB at 4 MiB/s, ~98 s left.
        HeapProjection soonest = run(15_000, false, 256, 1, 512, 4);
        assertEquals("pool1", soonest.pool());
    }

    @Test
    void noProjectionWhileNoPoolRises() {
        assertNull(run(15_000, false, 128, 0, 512, 0));
        List<PoolStatus> statuses = pools.statuses(new ActiveAlertCounts());
        assertEquals(List.of("pool0", "pool1"), statuses.stream().map(PoolStatus::pool).collect(Collectors.toList()));
        assertTrue(statuses.stream().allMatch(status -> status.secondsToExhaustion().isEmpty()));
        assertEquals(50 * MIB, statuses.get(1).liveAfterGc());
        assertEquals(512 * MIB, statuses.get(1).max());
        assertFalse(pools.anyCritical());
    }

    @Test
    void statusesShowEachPoolsLatestProjection() {
        run(15_000, false, 256, 1, 512, 0);
        List<PoolStatus> statuses = pools.statuses(new ActiveAlertCounts());
        assertEquals(2, statuses.size());
        PoolStatus rising = statuses.get(0);
        assertEquals("pool0", rising.pool());
        assertEquals(65 * MIB, rising.liveAfterGc());
        assertEquals(256 * MIB, rising.max());
        assertEquals(256 - 65, rising.secondsToExhaustion().getAsDouble(), 2.0);
        assertTrue(statuses.get(1).secondsToExhaustion().isEmpty());
    }

    @Test
    void theActiveAlertsCountedAreThoseOfEachPoolsLatestAlert() {
        // Confirmed by collections that reclaim: WARNING after a window, CRITICAL after two (horizon 15 min).
        run(30_000, true, 256, 1, 512, 0, 1024, 2);
        Map<String, Severity> latest = new HashMap<>();
        alerts.forEach(alert -> latest.put(alert.pool(), alert.severity()));
        assertTrue(latest.containsValue(Severity.CRITICAL), "some pool turned CRITICAL: " + latest);
        ActiveAlertCounts counts = new ActiveAlertCounts();
        pools.statuses(counts);
        assertEquals(latest.values().stream().filter(s -> s == Severity.WARNING).count(),
                (long) counts.warnings().getOrDefault(AlertKind.HEAP, 0));
        assertEquals(latest.values().stream().filter(s -> s == Severity.CRITICAL).count(),
                (long) counts.criticals().getOrDefault(AlertKind.HEAP, 0));
        assertTrue(pools.anyCritical());
    }
}
