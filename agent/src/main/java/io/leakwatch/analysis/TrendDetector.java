package io.leakwatch.analysis;

import io.leakwatch.config.LeakwatchConfig;

/**
 * Judges a series over one window split into four quarters. Persistent growth: no quarter's floor is
 * below the previous one's, the last floor is above the first, the net growth reaches the minimum and,
 * for sizes read at every pass, every quarter reaches higher than the one before; for heap floors, the
 * last quarter still rises. A cache that filled and stopped, a bounded LRU, a list that is cleared or a
 * live set that ramped up at start and levelled off fails at least one of these.
 *
 * <p>For container sizes, an oscillation sampled at a drifting phase (a batch flushed about once a quarter) makes floors and
 * peaks creep by up to one sampling step, so growth must also clear its range: the floor must rise by more
 * than {@link LeakwatchConfig#OSCILLATION_MARGIN_IN_STEPS} of the largest rise between two samples, and
 * the last quarter must reach that much above the highest value seen before the window (in the series'
 * history). A bounded oscillation, whatever its period and phase, keeps returning to the same range. And
 * growth must keep its pace into the last quarter, floors and peaks alike: a container that warmed up early
 * in the window and then stayed within a range has done its rising early.
 */
final class TrendDetector {

    /** How strictly a series must rise. */
    enum Shape {
        /** Sizes read at every pass: each quarter must also reach higher than the previous one. */
        EVERY_QUARTER_ENDS_HIGHER,
        /** Usage after GC, a sawtooth of promotions and collections: only its floor must rise. */
        FLOOR_RISES
    }

    private static final int QUARTERS = 4;
    /** Quarters that must hold samples; heap floors arrive only with collections. */
    private static final int MIN_QUARTERS_WITH_SAMPLES = 3;

    private final long windowMillis;
    /** How early the first sample may be missed and the window still count as covered. */
    private final long coverageSlackMillis;

    TrendDetector(long windowMillis, long coverageSlackMillis) {
        this.windowMillis = windowMillis;
        this.coverageSlackMillis = coverageSlackMillis;
    }

    Trend evaluate(SampleSeries series, long now, long minimumGrowth, Shape shape) {
        long windowStart = now - windowMillis;
        if (series.size() < 2 || series.firstRecordedMillis() > windowStart + coverageSlackMillis) {
            return Trend.UNKNOWN;
        }
        int first = firstIndexAtOrAfter(series, windowStart);
        if (first >= series.size()) {
            return Trend.UNKNOWN;
        }
        int baselineIndex = first > 0 ? first - 1 : first;
        long baseline = series.valueAt(baselineIndex);
        long baselineTime = series.timeAt(baselineIndex);
        Quarters quarters = new Quarters(series, windowStart, Math.max(1, windowMillis / QUARTERS), first);

        long latest = series.latestValue();
        long latestTime = series.timeAt(series.size() - 1);
        boolean netGrowth;
        double slopePerSecond;
        if (shape == Shape.FLOOR_RISES) {
            // A sawtooth's level is its floor: compare and project the lowest points, not whichever came last.
            netGrowth = quarters.floorGrowth() >= minimumGrowth;
            slopePerSecond = quarters.floorSlopePerSecond();
        } else {
            netGrowth = latest - baseline >= minimumGrowth;
            slopePerSecond = latestTime > baselineTime ? (latest - baseline) * 1000.0 / (latestTime - baselineTime) : 0;
        }
        // Heap floors are judged without the oscillation test: where only a full collection reclaims, the
        // floor after GC is a sawtooth of dead promoted objects whose lower envelope is the leak, and its
        // peaks before the window are no bar to growth.
        boolean persistent = netGrowth && quarters.risesInEveryQuarter(baseline, shape)
                && (shape == Shape.FLOOR_RISES ? quarters.lastQuarterStillRises(minimumGrowth)
                        : clearsTheOscillation(series, baselineIndex, first, quarters) && quarters.keepsPace());
        return new Trend(true, persistent, netGrowth, slopePerSecond, baseline);
    }

    /**
     * Growth beyond what sampling an oscillation can fake: the floor rose by more than the margin, and the
     * last quarter reached that much above anything the series held before the window.
     */
    private static boolean clearsTheOscillation(SampleSeries series, int baselineIndex, int first, Quarters quarters) {
        long largestStep = 0;
        for (int i = Math.max(1, baselineIndex); i < series.size(); i++) {
            largestStep = Math.max(largestStep, series.valueAt(i) - series.valueAt(i - 1));
        }
        double margin = largestStep * LeakwatchConfig.OSCILLATION_MARGIN_IN_STEPS;
        if (quarters.floorGrowth() <= margin) {
            return false;
        }
        long highestBefore = series.recentlyEvictedPeak();
        for (int i = 0; i < first; i++) {
            highestBefore = Math.max(highestBefore, series.valueAt(i));
        }
        return highestBefore == Long.MIN_VALUE || quarters.lastPeak() - highestBefore > margin;
    }

    private static int firstIndexAtOrAfter(SampleSeries series, long time) {
        int i = 0;
        while (i < series.size() && series.timeAt(i) < time) {
            i++;
        }
        return i;
    }

    /** The floor and peak of each quarter of the window. */
    private static final class Quarters {
        final long[] floor = new long[QUARTERS];
        final long[] floorTime = new long[QUARTERS];
        final long[] peak = new long[QUARTERS];
        final boolean[] hasSamples = new boolean[QUARTERS];

        Quarters(SampleSeries series, long windowStart, long quarterMillis, int first) {
            for (int i = first; i < series.size(); i++) {
                int q = (int) Math.min(QUARTERS - 1, (series.timeAt(i) - windowStart) / quarterMillis);
                long value = series.valueAt(i);
                if (!hasSamples[q] || value < floor[q]) {
                    floor[q] = value;
                    floorTime[q] = series.timeAt(i);
                }
                if (!hasSamples[q] || value > peak[q]) {
                    peak[q] = value;
                }
                hasSamples[q] = true;
            }
        }

        boolean risesInEveryQuarter(long baseline, Shape shape) {
            boolean peaksMustRise = shape == Shape.EVERY_QUARTER_ENDS_HIGHER;
            if (!hasSamples[QUARTERS - 1]) {
                return false;
            }
            int withSamples = 0;
            long previousPeak = baseline;
            long previousFloor = Long.MIN_VALUE;
            long firstFloor = Long.MIN_VALUE;
            for (int q = 0; q < QUARTERS; q++) {
                if (!hasSamples[q]) {
                    continue;
                }
                withSamples++;
                // The peak rather than the last value: a leak under a sawtooth reaches higher every quarter,
                // whichever point of its tooth a quarter happens to end on.
                if ((peaksMustRise && peak[q] <= previousPeak) || floor[q] < previousFloor) {
                    return false;
                }
                if (firstFloor == Long.MIN_VALUE) {
                    firstFloor = floor[q];
                }
                previousPeak = peak[q];
                previousFloor = floor[q];
            }
            return withSamples >= MIN_QUARTERS_WITH_SAMPLES && previousFloor > firstFloor;
        }

        /** The last quarter's floor above the previous sampled quarter's by a share of the minimum growth. */
        boolean lastQuarterStillRises(long minimumGrowth) {
            int previous = QUARTERS - 2;
            while (previous >= 0 && !hasSamples[previous]) {
                previous--;
            }
            return previous >= 0 && hasSamples[QUARTERS - 1] && floor[QUARTERS - 1] - floor[previous]
                    >= minimumGrowth * LeakwatchConfig.LAST_QUARTER_SHARE_OF_MIN_GROWTH;
        }

        /**
         * Both the floors and the peaks rose into the last quarter at least
         * {@link LeakwatchConfig#LAST_QUARTER_MIN_PACE} as fast as their average over the window. A container
         * that warmed up early in the window and then stayed within a range has done its rising early: its
         * last quarter reaches no higher than the one before but for the sampling phase, which may move one
         * envelope by a step, not both. A leak keeps its pace, whichever envelope is looked at.
         */
        boolean keepsPace() {
            return keepsPace(floor) && keepsPace(peak);
        }

        private boolean keepsPace(long[] envelope) {
            int firstQ = -1;
            int previousQ = -1;
            int lastQ = -1;
            for (int q = 0; q < QUARTERS; q++) {
                if (hasSamples[q]) {
                    firstQ = firstQ < 0 ? q : firstQ;
                    previousQ = lastQ;
                    lastQ = q;
                }
            }
            if (previousQ < 0) {
                return false;
            }
            double averagePace = (envelope[lastQ] - envelope[firstQ]) / (double) (lastQ - firstQ);
            double finalPace = (envelope[lastQ] - envelope[previousQ]) / (double) (lastQ - previousQ);
            return averagePace > 0 && finalPace >= averagePace * LeakwatchConfig.LAST_QUARTER_MIN_PACE;
        }

        long lastPeak() {
            return peak[QUARTERS - 1];
        }

        /** The last quarter's floor above the first's, or 0 when fewer than two quarters have samples. */
        long floorGrowth() {
            int firstQ = -1;
            int lastQ = -1;
            for (int q = 0; q < QUARTERS; q++) {
                if (hasSamples[q]) {
                    firstQ = firstQ < 0 ? q : firstQ;
                    lastQ = q;
                }
            }
            return firstQ < 0 || firstQ == lastQ ? 0 : floor[lastQ] - floor[firstQ];
        }

        /** Least-squares slope through the quarters' floors, in value per second. */
        double floorSlopePerSecond() {
            int n = 0;
            double sumT = 0;
            double sumV = 0;
            for (int q = 0; q < QUARTERS; q++) {
                if (hasSamples[q]) {
                    n++;
                    sumT += floorTime[q] / 1000.0;
                    sumV += floor[q];
                }
            }
            if (n < 2) {
                return 0;
            }
            double meanT = sumT / n;
            double meanV = sumV / n;
            double covariance = 0;
            double variance = 0;
            for (int q = 0; q < QUARTERS; q++) {
                if (hasSamples[q]) {
                    double t = floorTime[q] / 1000.0 - meanT;
                    covariance += t * (floor[q] - meanV);
                    variance += t * t;
                }
            }
            return variance == 0 ? 0 : covariance / variance;
        }
    }
}
