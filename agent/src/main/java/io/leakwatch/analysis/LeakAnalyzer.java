package io.leakwatch.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;
import io.leakwatch.nonheap.NonHeapReading;
import io.leakwatch.track.ContainerSample;

/**
 * Judges container sites, heap pools and, if asked, the pools outside the heap after every sampler pass,
 * and returns the alerts of the states that changed; assembles the snapshot that export code reads. The
 * work is done by {@link HeapPoolAnalyzer}, {@link ContainerSiteAnalyzer} and {@link NonHeapAnalyzer}; this
 * class only orders it. Runs on the sampler thread only.
 */
public final class LeakAnalyzer {

    private final LeakwatchConfig config;
    private final TrendDetector detector;
    private final HeapPoolAnalyzer heap;
    private final ContainerSiteAnalyzer containers;
    private NonHeapAnalyzer nonHeap;

    /** @param siteNames the {@code Owner#field} of a site id */
    public LeakAnalyzer(LeakwatchConfig config, IntFunction<String> siteNames) {
        this.config = config;
        this.detector = new TrendDetector(config.windowMillis(), config.intervalMillis());
        this.heap = new HeapPoolAnalyzer(config, detector);
        this.containers = new ContainerSiteAnalyzer(config, detector, siteNames);
    }

    /** Also judges the pools outside the heap (class metadata, buffers), read at every pass at the given time. */
    public void watchNonHeap(LongFunction<List<NonHeapReading>> readings) {
        nonHeap = new NonHeapAnalyzer(config, detector, readings);
    }

    /**
     * Heap pools first, since a container alert carries the projection of the pool closest to full and is
     * CRITICAL only while a heap pool is.
     */
    public List<Alert> analyze(long nowMillis, List<ContainerSample> samples, List<PoolUsageAfterGc> heapUsages) {
        List<Alert> alerts = new ArrayList<>();
        Instant now = Instant.ofEpochMilli(nowMillis);
        HeapProjection filling = heap.analyze(nowMillis, now, heapUsages, alerts);
        if (nonHeap != null) {
            alerts.addAll(nonHeap.analyze(nowMillis, now));
        }
        boolean heapCritical = heap.anyCritical();
        for (ContainerSample sample : samples) {
            containers.analyze(nowMillis, now, sample, filling, heapCritical).ifPresent(alerts::add);
        }
        return alerts;
    }

    /**
     * The state after the latest pass, with at most {@code maxSites} sites: those alerted, then those
     * growing fastest, then the largest. Each exported site costs the user a few metric series.
     */
    public AnalysisSnapshot snapshot(int maxSites) {
        ActiveAlertCounts activeAlerts = new ActiveAlertCounts();
        List<SiteStatus> sites = containers.exportedSites(maxSites, activeAlerts);
        List<PoolStatus> pools = heap.statuses(activeAlerts);
        List<NonHeapPoolStatus> nonHeapPools = nonHeap == null ? List.of() : nonHeap.statuses();
        for (NonHeapPoolStatus pool : nonHeapPools) {
            activeAlerts.count(pool.activeAlert(), pool.kind());
        }
        return new AnalysisSnapshot(sites, pools, nonHeapPools, activeAlerts.warnings(), activeAlerts.criticals());
    }
}
