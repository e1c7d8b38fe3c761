package io.leakwatch.analysis;

import java.util.Arrays;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;

/**
 * One long-lived heap pool's usage after every collection, and the judgement of whether its rising floor is
 * a leak. Usage after young collections also rises while they promote objects that an old collection will
 * free, so a rise counts when the collections that free from the pool, or trace all of it, confirm it within
 * the window: they too leave the pool ever higher, at about the floor's pace. A collector that does not
 * collect its old generation while a leak fills it (G1 with only short-lived garbage: it marks only near half
 * full, and then finds nothing to free) gives no such confirmation before the heap is nearly full. For that,
 * a floor that rose at every collection, with nothing freed from the pool, at an undiminished pace, over
 * {@link LeakwatchConfig#UNCONFIRMED_RISE_WINDOWS} windows counts too: shorter climbs of tenured garbage that
 * an old collection frees later, and warm-ups that level off, do not. Runs on the sampler thread only.
 */
final class HeapFloorTracker {

    /** The unconfirmed rise is judged in this many parts, each of which must hold a collection. */
    private static final int RISE_PARTS = 3;
    /** The window is judged in quarters, as {@link TrendDetector} does. */
    private static final int WINDOW_PARTS = 4;
    private static final long NO_SAMPLE = Long.MIN_VALUE;
    /** How much of the floor's slope the levels that the confirming collections left must show. */
    private static final double CONFIRMED_SHARE_OF_SLOPE = 0.5;
    /** Points kept per window of the longer series; fewer than the window's, since collections are sparse. */
    private static final int RISE_POINTS_PER_WINDOW = 20;

    private final long windowMillis;
    private final long riseSpanMillis;
    private final long coverageSlackMillis;
    private final SampleSeries series;
    /** The same floor over the longer span that an unconfirmed rise must cover. */
    private final SampleSeries longSeries;
    /**
     * Usage after each collection that traced all of the pool, and the lowest usage of each run of collections that
     * reclaimed from it (G1's young collection after marking and the mixed ones after it), once the run has ended.
     */
    private final SampleSeries confirmations;
    /** The lowest usage of the run of reclaiming collections still going on, or {@code NO_SAMPLE}. */
    private long episodeLowest = NO_SAMPLE;
    private long episodeLowestMillis;
    private long max;
    private long lastReclaimMillis = Long.MIN_VALUE;
    /** Whether the latest judgement found growth that the collections which freed from the pool confirm. */
    private boolean confirmedByCollections;

    HeapFloorTracker(long windowMillis, long intervalMillis) {
        this.windowMillis = windowMillis;
        this.riseSpanMillis = windowMillis * LeakwatchConfig.UNCONFIRMED_RISE_WINDOWS;
        this.coverageSlackMillis = intervalMillis;
        long bucketMillis = windowMillis / LeakwatchConfig.SERIES_POINTS_PER_WINDOW;
        this.series = new SampleSeries(bucketMillis,
                LeakwatchConfig.SERIES_POINTS_PER_WINDOW + LeakwatchConfig.SERIES_POINTS_PER_WINDOW / 4,
                SampleSeries.Merge.MINIMUM);
        int risePoints = RISE_POINTS_PER_WINDOW * LeakwatchConfig.UNCONFIRMED_RISE_WINDOWS;
        this.longSeries = new SampleSeries(windowMillis / RISE_POINTS_PER_WINDOW, risePoints + risePoints / 4,
                SampleSeries.Merge.MINIMUM);
        this.confirmations = new SampleSeries(windowMillis / RISE_POINTS_PER_WINDOW, risePoints + risePoints / 4,
                SampleSeries.Merge.MINIMUM);
    }

    void record(PoolUsageAfterGc usage) {
        series.record(usage.timeMillis(), usage.usedAfterGc());
        longSeries.record(usage.timeMillis(), usage.usedAfterGc());
        max = usage.max();
        if (usage.reclaimed()) {
            lastReclaimMillis = usage.timeMillis();
        }
        if (usage.wholePoolCollected()) {
            closeReclaimEpisode();
            confirmations.record(usage.timeMillis(), usage.usedAfterGc());
        } else if (usage.reclaimed()) {
            if (episodeLowest == NO_SAMPLE || usage.usedAfterGc() < episodeLowest) {
                episodeLowest = usage.usedAfterGc();
                episodeLowestMillis = usage.timeMillis();
            }
        } else {
            closeReclaimEpisode();
        }
    }

    /**
     * A run of collections that reclaimed ended: its lowest usage is one level. Not each of them: the young
     * collection after G1's marking ended follows a reclaim (marking frees wholly empty regions, unreported on
     * JDK 17), but its usage still holds what the mixed collections after it free, and on a climb of promoted
     * objects it sat above the previous run's level as a leak's would.
     */
    private void closeReclaimEpisode() {
        if (episodeLowest != NO_SAMPLE) {
            confirmations.record(episodeLowestMillis, episodeLowest);
            episodeLowest = NO_SAMPLE;
        }
    }

    /** True once a usage was recorded. */
    boolean hasUsage() {
        return series.size() > 0;
    }

    long latestUsed() {
        return series.latestValue();
    }

    long max() {
        return max;
    }

    boolean isNearlyFull() {
        return series.latestValue() >= max * LeakwatchConfig.NEARLY_FULL_FRACTION;
    }

    /** The floor's trend over the window, counted as persistent growth only when it can be trusted. */
    Trend judge(TrendDetector detector, long nowMillis) {
        long minimumGrowth = Math.max(LeakwatchConfig.MIN_HEAP_GROWTH_BYTES,
                (long) (max * LeakwatchConfig.MIN_HEAP_GROWTH_FRACTION_OF_MAX));
        Trend measured = detector.evaluate(series, nowMillis, minimumGrowth, TrendDetector.Shape.FLOOR_RISES);
        confirmedByCollections = measured.persistentGrowth() && collectionsConfirm(measured, nowMillis, minimumGrowth)
                && keepsPace(partFloors(series, nowMillis - windowMillis, windowMillis, WINDOW_PARTS));
        if (confirmedByCollections) {
            return measured;
        }
        Trend rise = unconfirmedRise(nowMillis, minimumGrowth);
        if (rise.persistentGrowth()) {
            return rise;
        }
        // Not yet a leak; but a floor still rising over the longer span keeps an alert from resolving.
        return rise.netGrowth() && !measured.netGrowth() ? rise : measured.withoutPersistentGrowth();
    }

    /**
     * Whether the latest {@link #judge} found growth confirmed by collections that freed from the pool, and not
     * only a rise with nothing freed.
     */
    boolean confirmedByCollections() {
        return confirmedByCollections;
    }

    /**
     * Collections that freed from, or traced all of, the pool confirm the rise when the levels they left rise too:
     * the lowest level of the window's second half is above the median of the levels before it within the longer
     * span by the minimum, those earlier levels reach back a whole window, and the levels' own slope over the span
     * is at least half the floor's. One such collection alone confirms nothing: the first G1 mixed or full
     * collection after a live set was filled is above any floor measured while it was filling, and the floating
     * garbage of heavy churn settles for a while above the live set. Nor do a few levels close together: G1's
     * first reclaims after its first marking can leave the pool a little higher each time, for half a window,
     * before falling back. The median, not the lowest, of the earlier levels: G1's levels scatter by several
     * megabytes from one marking to the next, and the lowest of many scattered levels lies below the lowest of the
     * one or two recent ones even when nothing grows. And the levels' slope, not the floor's alone: between two
     * markings the floor climbs with objects a mixed collection will free, so a floor judged over a window that
     * cuts a cycle in two can rise several times as fast as levels that only drift while G1 settles; a leak raises
     * the levels at the floor's own pace.
     */
    private boolean collectionsConfirm(Trend trend, long nowMillis, long minimumGrowth) {
        long recentFrom = nowMillis - windowMillis / 2;
        long spanStart = nowMillis - riseSpanMillis;
        int recent = -1;
        int[] earlier = new int[confirmations.size()];
        int earlierCount = 0;
        boolean reachesBackAWindow = false;
        for (int i = 0; i < confirmations.size(); i++) {
            long time = confirmations.timeAt(i);
            if (time >= recentFrom) {
                recent = recent < 0 || confirmations.valueAt(i) < confirmations.valueAt(recent) ? i : recent;
            } else if (time >= spanStart) {
                earlier[earlierCount++] = i;
                reachesBackAWindow |= time <= nowMillis - windowMillis;
            }
        }
        if (recent < 0 || !reachesBackAWindow) {
            return false;
        }
        long rose = confirmations.valueAt(recent) - confirmations.valueAt(lowerMedian(earlier, earlierCount));
        return rose >= minimumGrowth && slopePerSecond(confirmations, spanStart, nowMillis + 1)
                >= trend.slopePerSecond() * CONFIRMED_SHARE_OF_SLOPE;
    }

    /** The index, among the first {@code count} of {@code indices}, of the confirmation whose level is the lower median. */
    private int lowerMedian(int[] indices, int count) {
        int[] byLevel = Arrays.stream(indices, 0, count).boxed()
                .sorted((a, b) -> Long.compare(confirmations.valueAt(a), confirmations.valueAt(b)))
                .mapToInt(Integer::intValue).toArray();
        return byLevel[(count - 1) / 2];
    }

    /**
     * The floor over the longer span, split in parts: persistent when nothing was reclaimed from the pool in
     * the span, every part holds a collection, each part's floor is above the one before, the net rise
     * reaches the minimum, the last part still rises at a good share of the average pace and the latest
     * collection left the pool higher than the one before it.
     */
    private Trend unconfirmedRise(long nowMillis, long minimumGrowth) {
        long spanStart = nowMillis - riseSpanMillis;
        if (longSeries.size() < 2 || longSeries.firstRecordedMillis() > spanStart + coverageSlackMillis) {
            return Trend.UNKNOWN;
        }
        int first = 0;
        while (first < longSeries.size() && longSeries.timeAt(first) < spanStart) {
            first++;
        }
        long[] floors = partFloors(longSeries, spanStart, riseSpanMillis, RISE_PARTS);
        if (first >= longSeries.size() || floors[0] == NO_SAMPLE || floors[RISE_PARTS - 1] == NO_SAMPLE) {
            return Trend.UNKNOWN;
        }
        boolean netGrowth = floors[RISE_PARTS - 1] - floors[0] >= minimumGrowth;
        boolean rising = netGrowth && lastReclaimMillis < spanStart;
        for (int part = 1; part < RISE_PARTS && rising; part++) {
            rising = floors[part] != NO_SAMPLE && floors[part] > floors[part - 1];
        }
        // A floor that reached a plateau early in the last part still has that part's floor above the one
        // before; only the latest collections show that it has stopped. A warm-up that levels off slowly
        // still rises at each collection, but at a fraction of the pace it had: a leak keeps its pace.
        int latest = longSeries.size() - 1;
        long halfway = spanStart + riseSpanMillis / 2;
        rising = rising && latest > first && longSeries.valueAt(latest) > longSeries.valueAt(latest - 1)
                && slopePerSecond(halfway, nowMillis + 1)
                        >= slopePerSecond(spanStart, halfway) * LeakwatchConfig.UNCONFIRMED_RISE_MIN_FINAL_PACE;
        double fitted = slopePerSecond(spanStart, nowMillis + 1);
        double slopePerSecond = fitted > 0 ? fitted : 0;
        return new Trend(true, rising, netGrowth, slopePerSecond, longSeries.valueAt(first))
                .withEvidenceWindows(LeakwatchConfig.UNCONFIRMED_RISE_WINDOWS);
    }

    /** The lowest value in each of {@code parts} equal parts of the span, {@code NO_SAMPLE} where there is none. */
    private static long[] partFloors(SampleSeries samples, long spanStart, long spanMillis, int parts) {
        long[] floors = new long[parts];
        Arrays.fill(floors, NO_SAMPLE);
        long partMillis = Math.max(1, spanMillis / parts);
        for (int i = 0; i < samples.size(); i++) {
            long time = samples.timeAt(i);
            if (time < spanStart) {
                continue;
            }
            int part = (int) Math.min(parts - 1, (time - spanStart) / partMillis);
            if (floors[part] == NO_SAMPLE || samples.valueAt(i) < floors[part]) {
                floors[part] = samples.valueAt(i);
            }
        }
        return floors;
    }

    /**
     * Whether the floor rose into its last part at least {@link LeakwatchConfig#UNCONFIRMED_RISE_MIN_FINAL_PACE}
     * as fast, per part, as over the whole span: a warm-up levelling off, or the floating garbage of heavy
     * churn settling after the live set was filled, has done most of its rising early; a leak keeps its pace.
     */
    private static boolean keepsPace(long[] floors) {
        int firstPart = -1;
        int previousPart = -1;
        int lastPart = -1;
        for (int part = 0; part < floors.length; part++) {
            if (floors[part] != NO_SAMPLE) {
                firstPart = firstPart < 0 ? part : firstPart;
                previousPart = lastPart;
                lastPart = part;
            }
        }
        if (previousPart < 0) {
            return false;
        }
        double averagePace = (floors[lastPart] - floors[firstPart]) / (double) (lastPart - firstPart);
        double finalPace = (floors[lastPart] - floors[previousPart]) / (double) (lastPart - previousPart);
        return averagePace > 0 && finalPace >= averagePace * LeakwatchConfig.UNCONFIRMED_RISE_MIN_FINAL_PACE;
    }

    /** {@link #slopePerSecond(SampleSeries, long, long)} of the floor over the longer span. */
    private double slopePerSecond(long from, long to) {
        return slopePerSecond(longSeries, from, to);
    }

    /**
     * Least-squares slope of the series' points in [from, to), in bytes per second; NaN with fewer than two points,
     * so that a comparison with it fails.
     */
    private static double slopePerSecond(SampleSeries points, long from, long to) {
        int n = 0;
        double sumT = 0;
        double sumV = 0;
        for (int i = 0; i < points.size(); i++) {
            long time = points.timeAt(i);
            if (time >= from && time < to) {
                n++;
                sumT += (time - from) / 1000.0;
                sumV += points.valueAt(i);
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double meanT = sumT / n;
        double meanV = sumV / n;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < points.size(); i++) {
            long time = points.timeAt(i);
            if (time >= from && time < to) {
                double t = (time - from) / 1000.0 - meanT;
                covariance += t * (points.valueAt(i) - meanV);
                variance += t * t;
            }
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }
}
