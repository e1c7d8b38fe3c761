package io.leakwatch.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;

/**
 * Keeps the floor and alert state of every long-lived heap pool, judges each after every pass, and tells
 * which rising pool would be full soonest. Runs on the sampler thread only.
 */
final class HeapPoolAnalyzer {

    private final LeakwatchConfig config;
    private final TrendDetector detector;
    private final Map<String, PoolHistory> pools = new LinkedHashMap<>();

    HeapPoolAnalyzer(LeakwatchConfig config, TrendDetector detector) {
        this.config = config;
        this.detector = detector;
    }

    /**
     * Records the usages, updates every pool's state, adds the alerts of those that changed, and returns the
     * projection of the rising pool closest to full, or null when none rises. Container alerts carry it as
     * information; only a pool's own CRITICAL state, not a projection alone, makes a container CRITICAL,
     * since a floor rising while caches warm up is no confirmed exhaustion.
     */
    HeapProjection analyze(long nowMillis, Instant now, List<PoolUsageAfterGc> usages, List<Alert> alerts) {
        for (PoolUsageAfterGc usage : usages) {
            pools.computeIfAbsent(usage.poolName(), name -> new PoolHistory(
                    new HeapFloorTracker(config.windowMillis(), config.intervalMillis()), config.windowMillis()))
                    .floor.record(usage);
        }
        HeapProjection soonest = null;
        for (Map.Entry<String, PoolHistory> entry : pools.entrySet()) {
            HeapProjection projection = judge(entry.getKey(), entry.getValue(), nowMillis, now, alerts);
            if (projection.secondsToExhaustion().isPresent() && (soonest == null
                    || projection.secondsToExhaustion().getAsDouble() < soonest.secondsToExhaustion().getAsDouble())) {
                soonest = projection;
            }
        }
        return soonest;
    }

    /** Judges one pool's floor, moves its state, and returns where it now stands. */
    private HeapProjection judge(String name, PoolHistory pool, long nowMillis, Instant now, List<Alert> alerts) {
        Trend judged = pool.floor.judge(detector, nowMillis);
        // A pool pinned at its maximum has stopped growing only because it cannot: it stays alerted.
        Trend trend = pool.floor.isNearlyFull() ? judged.withNetGrowth() : judged;
        HeapProjection projection = new HeapProjection(name, pool.floor.latestUsed(), pool.floor.max(),
                trend.known() && trend.netGrowth() ? trend.slopePerSecond() : 0);
        pool.latest = projection;
        boolean critical = projection.exhaustedWithin(config.criticalHorizonMillis());
        pool.state.next(nowMillis, trend, critical).ifPresent(severity -> alerts.add(
                Alert.builder(now, severity, AlertKind.HEAP)
                        .pool(name)
                        .growthPerSecond(trend.slopePerSecond())
                        .heap(projection)
                        .build()));
        return projection;
    }

    /** Whether any pool's alert is CRITICAL now. */
    boolean anyCritical() {
        for (PoolHistory pool : pools.values()) {
            if (pool.state.isCritical()) {
                return true;
            }
        }
        return false;
    }

    /** Where every judged pool stands after the latest pass; counts the pools' active alerts as it goes. */
    List<PoolStatus> statuses(ActiveAlertCounts activeAlerts) {
        List<PoolStatus> statuses = new ArrayList<>();
        for (PoolHistory pool : pools.values()) {
            if (pool.latest != null) {
                statuses.add(new PoolStatus(pool.latest));
            }
            activeAlerts.count(pool.state.active(), AlertKind.HEAP);
        }
        return statuses;
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
