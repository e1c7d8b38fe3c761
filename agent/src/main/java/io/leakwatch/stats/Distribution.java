package io.leakwatch.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Durations recorded wait-free from any thread and read, interval by interval, by one reader.
 * Memory is fixed: values are kept in microseconds to two significant digits, and a value above an
 * hour is recorded as an hour.
 */
public final class Distribution {

    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 2;

    private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private Histogram recycled;

    /** Never blocks and, after the first calls, never allocates. */
    public void recordMicros(long micros) {
        recorder.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    /** What was recorded since the previous call; only one thread may call this. */
    public synchronized Interval takeInterval() {
        Histogram histogram = recorder.getIntervalHistogram(recycled);
        Interval interval = new Interval(histogram.getTotalCount(), seconds(histogram.getValueAtPercentile(50)),
                seconds(histogram.getValueAtPercentile(99)), seconds(histogram.getMaxValue()));
        recycled = histogram;
        return interval;
    }

    private static double seconds(long micros) {
        return micros / 1_000_000.0;
    }

    /** Count and quantiles of one interval, in seconds. */
    public static final class Interval {
        private final long count;
        private final double median;
        private final double p99;
        private final double max;

        Interval(long count, double median, double p99, double max) {
            this.count = count;
            this.median = median;
            this.p99 = p99;
            this.max = max;
        }

        public long count() {
            return count;
        }

        public double median() {
            return median;
        }

        public double p99() {
            return p99;
        }

        public double max() {
            return max;
        }
    }
}
