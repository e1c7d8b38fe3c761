package io.leakwatch.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;
import io.leakwatch.nonheap.NonHeapReading;
import io.leakwatch.track.ContainerSample;

/**
 * Keeps a series per container site and per heap pool, judges each over the window after every
 * sampler pass, and returns the alerts of the states that changed. Runs on the sampler thread only.
 */
public final class LeakAnalyzer {

    /** Alerted sites first, then the fastest-growing, then the largest. */
    private static final Comparator<SiteStatus> EXPORT_ORDER =
            Comparator.comparing((SiteStatus status) -> status.activeAlert() == null)
                    .thenComparing(Comparator.comparingDouble(SiteStatus::growthPerSecond).reversed())
                    .thenComparing(Comparator.comparingLong(SiteStatus::size).reversed());

    private final LeakwatchConfig config;
    private final IntFunction<String> siteNames;
    private final IntFunction<OptionalLong> retainedBytes;
    private final TrendDetector detector;
    private final long bucketMillis;
    private final int seriesCapacity;
    private final SiteHistory[] sites;
    private final Map<String, PoolHistory> pools = new LinkedHashMap<>();
    private NonHeapAnalyzer nonHeap;

    /**
     * @param siteNames     the {@code Owner#field} of a site id
     * @param retainedBytes estimates what a site's container keeps alive, when an alert is raised
     */
    public LeakAnalyzer(LeakwatchConfig config, IntFunction<String> siteNames, IntFunction<OptionalLong> retainedBytes) {
        this.config = config;
        this.siteNames = siteNames;
        this.retainedBytes = retainedBytes;
        this.detector = new TrendDetector(config.windowMillis(), config.intervalMillis());
        this.bucketMillis = config.windowMillis() / LeakwatchConfig.SERIES_POINTS_PER_WINDOW;
        // A quarter more than a window, so that the value at the window's start is still known.
        this.seriesCapacity = LeakwatchConfig.SERIES_POINTS_PER_WINDOW + LeakwatchConfig.SERIES_POINTS_PER_WINDOW / 4;
        this.sites = new SiteHistory[LeakwatchConfig.MAX_SITES];
    }

    /** Also judges the pools outside the heap (class metadata, buffers), read at every pass at the given time. */
    public void watchNonHeap(LongFunction<List<NonHeapReading>> readings) {
        nonHeap = new NonHeapAnalyzer(config, detector, readings);
    }

    public List<Alert> analyze(long nowMillis, List<ContainerSample> containers, List<PoolUsageAfterGc> heapUsages) {
        List<Alert> alerts = new ArrayList<>();
        Instant now = Instant.ofEpochMilli(nowMillis);
        HeapProjection filling = analyzeHeap(nowMillis, now, heapUsages, alerts);
        if (nonHeap != null) {
            alerts.addAll(nonHeap.analyze(nowMillis, now));
        }
        boolean heapCritical = pools.values().stream().anyMatch(pool -> pool.state.isCritical());
        for (ContainerSample sample : containers) {
            analyzeContainer(nowMillis, now, sample, filling, heapCritical).ifPresent(alerts::add);
        }
        return alerts;
    }

    /**
     * Records the usages, updates every pool's state, and returns the projection of the rising pool
     * closest to full. Container alerts carry it as information; only a pool's own CRITICAL state, not
     * a projection alone, makes a container CRITICAL, since a floor rising while caches warm up is no
     * confirmed exhaustion.
     */
    private HeapProjection analyzeHeap(long nowMillis, Instant now, List<PoolUsageAfterGc> usages, List<Alert> alerts) {
        for (PoolUsageAfterGc usage : usages) {
            pools.computeIfAbsent(usage.poolName(), name -> new PoolHistory(
                    new HeapFloorTracker(config.windowMillis(), config.intervalMillis()), config.windowMillis()))
                    .floor.record(usage);
        }
        HeapProjection soonest = null;
        for (Map.Entry<String, PoolHistory> entry : pools.entrySet()) {
            PoolHistory pool = entry.getValue();
            Trend judged = pool.floor.judge(detector, nowMillis);
            // A pool pinned at its maximum has stopped growing only because it cannot: it stays alerted.
            Trend trend = pool.floor.isNearlyFull() ? judged.withNetGrowth() : judged;
            HeapProjection projection = new HeapProjection(entry.getKey(), pool.floor.latestUsed(), pool.floor.max(),
                    trend.known() && trend.netGrowth() ? trend.slopePerSecond() : 0);
            pool.latest = projection;
            boolean critical = projection.exhaustedWithin(config.criticalHorizonMillis());
            pool.state.next(nowMillis, trend, critical).ifPresent(severity -> alerts.add(
                    Alert.builder(now, severity, AlertKind.HEAP)
                            .pool(entry.getKey())
                            .growthPerSecond(trend.slopePerSecond())
                            .heap(projection)
                            .build()));
            if (projection.secondsToExhaustion().isPresent() && (soonest == null
                    || projection.secondsToExhaustion().getAsDouble() < soonest.secondsToExhaustion().getAsDouble())) {
                soonest = projection;
            }
        }
        return soonest;
    }

    private Optional<Alert> analyzeContainer(long nowMillis, Instant now, ContainerSample sample,
            HeapProjection filling, boolean heapCritical) {
        int id = sample.siteId();
        SiteHistory site = sites[id];
        if (site == null) {
            site = new SiteHistory(new SampleSeries(bucketMillis, seriesCapacity, SampleSeries.Merge.LATEST),
                    new AlertState(config.windowMillis()));
            sites[id] = site;
        }
        site.series().record(nowMillis, sample.size());
        Trend trend = detector.evaluate(site.series(), nowMillis, LeakwatchConfig.MIN_CONTAINER_GROWTH_ELEMENTS,
                TrendDetector.Shape.EVERY_QUARTER_ENDS_HIGHER);
        boolean critical = heapCritical && trend.netGrowth();
        Optional<Alert> change = site.state().next(nowMillis, trend, critical).map(severity -> {
            Alert.Builder alert = Alert.builder(now, severity, AlertKind.CONTAINER)
                    .site(siteNames.apply(id))
                    .size(sample.size())
                    .growthPerSecond(trend.slopePerSecond());
            if (sample.typeName() != null) {
                alert.type(sample.typeName());
            }
            if (severity != Severity.RESOLVED) {
                retainedBytes.apply(id).ifPresent(alert::estimatedBytes);
                if (filling != null) {
                    alert.heap(filling);
                }
            }
            return alert.build();
        });
        // Every pass does this, exported or not, so that snapshot() need not judge again.
        site.remember(sample.size(), trend.slopePerSecond(), sample.typeName());
        return change;
    }

    /**
     * The state after the latest pass, with at most {@code maxSites} sites: those alerted, then those
     * growing fastest, then the largest. Each exported site costs the user a few metric series.
     */
    public AnalysisSnapshot snapshot(int maxSites) {
        // Only the best few are kept while walking every site: a pass must not sort 16k sites to export 20.
        PriorityQueue<SiteStatus> kept = new PriorityQueue<>(maxSites + 1, EXPORT_ORDER.reversed());
        Map<AlertKind, Integer> warnings = new EnumMap<>(AlertKind.class);
        Map<AlertKind, Integer> criticals = new EnumMap<>(AlertKind.class);
        for (int id = 0; id < sites.length; id++) {
            if (sites[id] != null) {
                SiteStatus status = sites[id].status(id, siteNames.apply(id));
                kept.add(status);
                if (kept.size() > maxSites) {
                    kept.poll();
                }
                count(status.activeAlert(), AlertKind.CONTAINER, warnings, criticals);
            }
        }
        List<SiteStatus> sites = new ArrayList<>(kept);
        sites.sort(EXPORT_ORDER);
        List<PoolStatus> poolStatuses = new ArrayList<>();
        for (PoolHistory pool : pools.values()) {
            if (pool.latest != null) {
                poolStatuses.add(new PoolStatus(pool.latest));
            }
            count(pool.state.active(), AlertKind.HEAP, warnings, criticals);
        }
        List<NonHeapPoolStatus> nonHeapStatuses = nonHeap == null ? List.of() : nonHeap.statuses();
        for (NonHeapPoolStatus status : nonHeapStatuses) {
            count(status.activeAlert(), status.kind(), warnings, criticals);
        }
        return new AnalysisSnapshot(sites, poolStatuses, nonHeapStatuses, warnings, criticals);
    }

    private static void count(Severity active, AlertKind kind, Map<AlertKind, Integer> warnings,
            Map<AlertKind, Integer> criticals) {
        if (active == Severity.WARNING) {
            warnings.merge(kind, 1, Integer::sum);
        } else if (active == Severity.CRITICAL) {
            criticals.merge(kind, 1, Integer::sum);
        }
    }

    /** A heap pool's floor, its latest projection and its alert state. */
    private static final class PoolHistory {
        final HeapFloorTracker floor;
        final AlertState state;
        HeapProjection latest;

        PoolHistory(HeapFloorTracker floor, long windowMillis) {
            this.floor = floor;
            this.state = new AlertState(windowMillis);
        }
    }
}
