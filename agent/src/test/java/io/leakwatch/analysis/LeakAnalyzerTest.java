package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;
import io.leakwatch.track.ContainerSample;

/** A growing container beside a heap whose floor rises: when it is WARNING and when CRITICAL. */
class LeakAnalyzerTest {

    private static final long MIB = 1024 * 1024;
    private static final String POOL = "G1 Old Gen";

    private final LeakAnalyzer analyzer;
    private final List<Alert> alerts = new ArrayList<>();

    LeakAnalyzerTest() throws ConfigException {
        LeakwatchConfig config = new ConfigParser(notice -> { })
                .parse("interval=500ms,window=10s,critical.horizon=15m", Map.of(), Map.of());
        analyzer = new LeakAnalyzer(config, id -> "com.acme.Cache#entries");
    }

    /** Runs passes from {@code from} to {@code to} ms; the heap grows 1 MiB/s out of 256 MiB after every pass. */
    private void run(long from, long to, boolean collectionsReclaim) {
        for (long t = from; t <= to; t += 500) {
            long live = 50 * MIB + t * MIB / 1000;
            List<PoolUsageAfterGc> heap = List.of(
                    new PoolUsageAfterGc(POOL, t, live, 256 * MIB, collectionsReclaim && t % 2_000 == 0));
            alerts.addAll(analyzer.analyze(t, List.of(new ContainerSample(0, t, "java.util.HashMap")), heap));
        }
    }

    private List<String> severities(AlertKind kind) {
        return alerts.stream().filter(alert -> alert.kind() == kind).map(alert -> alert.severity().name())
                .collect(Collectors.toList());
    }

    @Test
    void aProjectionAloneLeavesTheContainerAtWarning() {
        // Less than two windows of a rise that no old collection confirms: the heap is not yet alerted.
        run(0, 15_000, false);
        assertEquals(List.of("WARNING"), severities(AlertKind.CONTAINER));
        assertEquals(List.of(), severities(AlertKind.HEAP));
        Alert warning = alerts.get(0);
        assertEquals("com.acme.Cache#entries", warning.site());
        assertEquals(0, warning.siteId(), "names the site the pass measures for it");
        assertNull(warning.estimatedBytes(), "the analysis judges; the pass measures the alerted site afterwards");
        assertTrue(warning.secondsToExhaustion() > 0, "carries the heap projection as information");
    }

    @Test
    void becomesCriticalOnlyOnceGrowthHasLastedTwoWindows() {
        run(0, 30_000, true);
        assertEquals(List.of("WARNING", "CRITICAL"), severities(AlertKind.HEAP));
        assertEquals(List.of("WARNING", "CRITICAL"), severities(AlertKind.CONTAINER));
        // The first window may begin up to one interval before the first sample.
        assertTrue(alerts.stream().allMatch(alert -> alert.severity() != Severity.CRITICAL
                || alert.time().toEpochMilli() >= 20_000 - 500), "two windows of growth before CRITICAL");
    }

    /**
     * A rise that no old collection confirms is judged over two windows: its first alert is already CRITICAL when
     * exhaustion is projected within the horizon, as the interface has it.
     */
    @Test
    void theFirstHeapAlertIsCriticalWhenItsJudgementSpansTwoWindows() {
        run(0, 20_000, false);
        assertEquals(List.of("CRITICAL"), severities(AlertKind.HEAP));
        assertTrue(alerts.stream().filter(alert -> alert.kind() == AlertKind.HEAP)
                .allMatch(alert -> alert.time().toEpochMilli() >= 20_000 - 500));
    }

    @Test
    void theContainerTurnsCriticalWithTheHeap() {
        run(0, 20_000, false);
        run(20_500, 40_000, true);
        assertEquals(List.of("CRITICAL"), severities(AlertKind.HEAP));
        assertEquals(List.of("WARNING", "CRITICAL"), severities(AlertKind.CONTAINER));
        Alert heap = alerts.stream().filter(alert -> alert.kind() == AlertKind.HEAP).findFirst().orElseThrow();
        assertEquals(POOL, heap.pool());
        assertEquals(60.0, heap.growthPerMin() / MIB, 1.0);
        assertEquals(206 - heap.time().toEpochMilli() / 1000.0, heap.secondsToExhaustion(), 2.0);
    }

    @Test
    void theSnapshotPutsAlertedSitesFirstThenGrowingThenLargestWithinTheCap() {
        LeakAnalyzer sites = new LeakAnalyzer(config(), id -> "com.acme.Site#" + id);
        for (long t = 0; t <= 15_000; t += 500) {
            sites.analyze(t, List.of(
                    new ContainerSample(0, 5, "java.util.ArrayList"),
                    new ContainerSample(1, 10_000, "java.util.HashMap"),
                    new ContainerSample(2, t, "java.util.HashMap"),
                    new ContainerSample(3, 50, null)), List.of());
        }
        AnalysisSnapshot snapshot = sites.snapshot(2);
        assertEquals(List.of("com.acme.Site#2", "com.acme.Site#1"),
                snapshot.sites().stream().map(SiteStatus::site).collect(Collectors.toList()));
        SiteStatus leaking = snapshot.sites().get(0);
        assertEquals(Severity.WARNING, leaking.activeAlert());
        assertEquals(1000.0, leaking.growthPerSecond(), 50.0);
        assertEquals(15_000, leaking.size());
        assertEquals(1, snapshot.activeAlerts(Severity.WARNING, AlertKind.CONTAINER));
        assertEquals(0, snapshot.activeAlerts(Severity.CRITICAL, AlertKind.CONTAINER));
        assertEquals(4, sites.snapshot(10).sites().size());
    }

    private static LeakwatchConfig config() {
        try {
            return new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }
}
