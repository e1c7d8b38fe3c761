package io.leakwatch.analysis;

/**
 * Judges a series over one window split into four quarters. Persistent growth: no quarter's floor is
 * below the previous one's, the last floor is above the first, the net growth reaches the minimum and,
 * for sizes read at every pass, every quarter ends higher than the one before. A cache that filled and
 * stopped, a bounded LRU or a list that is cleared fails at least one of these.
 */
final class TrendDetector {

    /** How strictly a series must rise. */
    enum Shape {
        /** Sizes read at every pass: each quarter must also end higher than the previous one. */
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

        long quarterMillis = Math.max(1, windowMillis / QUARTERS);
        long[] lastOfQuarter = new long[QUARTERS];
        long[] floorOfQuarter = new long[QUARTERS];
        long[] floorTimeOfQuarter = new long[QUARTERS];
        boolean[] hasSamples = new boolean[QUARTERS];
        for (int i = first; i < series.size(); i++) {
            int quarter = (int) Math.min(QUARTERS - 1, (series.timeAt(i) - windowStart) / quarterMillis);
            long value = series.valueAt(i);
            if (!hasSamples[quarter] || value < floorOfQuarter[quarter]) {
                floorOfQuarter[quarter] = value;
                floorTimeOfQuarter[quarter] = series.timeAt(i);
            }
            lastOfQuarter[quarter] = value;
            hasSamples[quarter] = true;
        }

        long latest = series.latestValue();
        long latestTime = series.timeAt(series.size() - 1);
        boolean persistent;
        boolean netGrowth;
        double slopePerSecond;
        if (shape == Shape.FLOOR_RISES) {
            // A sawtooth's level is its floor: compare and project the lowest points, not whichever came last.
            netGrowth = floorGrowth(floorOfQuarter, hasSamples) >= minimumGrowth;
            slopePerSecond = floorSlopePerSecond(floorTimeOfQuarter, floorOfQuarter, hasSamples);
        } else {
            netGrowth = latest - baseline >= minimumGrowth;
            slopePerSecond = latestTime > baselineTime ? (latest - baseline) * 1000.0 / (latestTime - baselineTime) : 0;
        }
        persistent = netGrowth && risesInEveryQuarter(baseline, lastOfQuarter, floorOfQuarter, hasSamples, shape);
        return new Trend(true, persistent, netGrowth, slopePerSecond * 60, slopePerSecond, baseline);
    }

    private static boolean risesInEveryQuarter(long baseline, long[] lastOfQuarter, long[] floorOfQuarter,
            boolean[] hasSamples, Shape shape) {
        boolean endsMustRise = shape == Shape.EVERY_QUARTER_ENDS_HIGHER;
        if (!hasSamples[QUARTERS - 1]) {
            return false;
        }
        int withSamples = 0;
        long previousEnd = baseline;
        long previousFloor = Long.MIN_VALUE;
        long firstFloor = Long.MIN_VALUE;
        for (int q = 0; q < QUARTERS; q++) {
            if (!hasSamples[q]) {
                continue;
            }
            withSamples++;
            if ((endsMustRise && lastOfQuarter[q] <= previousEnd) || floorOfQuarter[q] < previousFloor) {
                return false;
            }
            if (firstFloor == Long.MIN_VALUE) {
                firstFloor = floorOfQuarter[q];
            }
            previousEnd = lastOfQuarter[q];
            previousFloor = floorOfQuarter[q];
        }
        return withSamples >= MIN_QUARTERS_WITH_SAMPLES && previousFloor > firstFloor;
    }

    /** The last quarter's floor above the first's, or 0 when fewer than two quarters have samples. */
    private static long floorGrowth(long[] floorOfQuarter, boolean[] hasSamples) {
        int first = -1;
        int last = -1;
        for (int q = 0; q < QUARTERS; q++) {
            if (hasSamples[q]) {
                first = first < 0 ? q : first;
                last = q;
            }
        }
        return first < 0 || first == last ? 0 : floorOfQuarter[last] - floorOfQuarter[first];
    }

    private static int firstIndexAtOrAfter(SampleSeries series, long time) {
        int i = 0;
        while (i < series.size() && series.timeAt(i) < time) {
            i++;
        }
        return i;
    }

    /** Least-squares slope through the quarters' floors, in value per second. */
    private static double floorSlopePerSecond(long[] times, long[] floors, boolean[] hasSamples) {
        int n = 0;
        double sumT = 0;
        double sumV = 0;
        for (int q = 0; q < QUARTERS; q++) {
            if (hasSamples[q]) {
                n++;
                sumT += times[q] / 1000.0;
                sumV += floors[q];
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
                double t = times[q] / 1000.0 - meanT;
                covariance += t * (floors[q] - meanV);
                variance += t * t;
            }
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
