package io.leakwatch.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongFunction;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.nonheap.NonHeapKind;
import io.leakwatch.nonheap.NonHeapReading;

/**
 * Reads the pools outside the heap at every pass, judges each by its floor ({@link NonHeapFloor}) and
 * returns the alerts of the states that changed: {@code metaspace} for class metadata, {@code direct} for
 * buffer memory, with a projection where the JVM enforces a limit. Runs on the sampler thread only.
 */
final class NonHeapAnalyzer {

    private final LeakwatchConfig config;
    private final TrendDetector detector;
    private final LongFunction<List<NonHeapReading>> readings;
    private final Map<String, PoolWatch> pools = new LinkedHashMap<>();

    NonHeapAnalyzer(LeakwatchConfig config, TrendDetector detector, LongFunction<List<NonHeapReading>> readings) {
        this.config = config;
        this.detector = detector;
        this.readings = readings;
    }

    List<Alert> analyze(long nowMillis, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (NonHeapReading reading : readings.apply(nowMillis)) {
            PoolWatch pool = pools.computeIfAbsent(reading.kind() + "/" + reading.pool(),
                    key -> new PoolWatch(config.windowMillis(), config.intervalMillis()));
            pool.floor.record(reading);
            Trend trend = pool.floor.judge(detector, nowMillis);
            double slope = trend.known() && trend.netGrowth() ? trend.slopePerSecond() : 0;
            pool.secondsToExhaustion = slope > 0 && reading.hasLimit()
                    ? OptionalDouble.of(Math.max(0, reading.limit() - reading.charged()) / slope)
                    : OptionalDouble.empty();
            boolean critical = pool.secondsToExhaustion.isPresent()
                    && pool.secondsToExhaustion.getAsDouble() * 1000 < config.criticalHorizonMillis();
            pool.state.next(nowMillis, trend, critical).ifPresent(severity -> {
                Alert.Builder alert = Alert.builder(now, severity, kindOf(reading))
                        .pool(reading.pool())
                        .growthPerSecond(trend.slopePerSecond())
                        .usage(reading.used(), limitOf(reading), pool.secondsToExhaustion);
                if (reading.loadedClasses() != NonHeapReading.NO_COUNT) {
                    alert.classes(reading.loadedClasses(), reading.unloadedClasses());
                }
                alerts.add(alert.build());
            });
        }
        return alerts;
    }

    /** Every pool read so far, as of the latest pass. */
    List<NonHeapPoolStatus> statuses() {
        List<NonHeapPoolStatus> statuses = new ArrayList<>(pools.size());
        for (PoolWatch pool : pools.values()) {
            NonHeapReading latest = pool.floor.latest();
            statuses.add(new NonHeapPoolStatus(kindOf(latest), latest.pool(), latest.used(), limitOf(latest),
                    pool.secondsToExhaustion, pool.state.active()));
        }
        return statuses;
    }

    private static AlertKind kindOf(NonHeapReading reading) {
        return reading.kind() == NonHeapKind.METASPACE ? AlertKind.METASPACE : AlertKind.DIRECT;
    }

    private static OptionalLong limitOf(NonHeapReading reading) {
        return reading.hasLimit() ? OptionalLong.of(reading.limit()) : OptionalLong.empty();
    }

    /** One pool's floor, its alert state and its latest projection. */
    private static final class PoolWatch {
        final NonHeapFloor floor;
        final AlertState state;
        OptionalDouble secondsToExhaustion = OptionalDouble.empty();

        PoolWatch(long windowMillis, long intervalMillis) {
            this.floor = new NonHeapFloor(windowMillis, intervalMillis);
            this.state = new AlertState(windowMillis);
        }
    }
}
