package io.leakwatch.analysis;

/**
 * A bounded, time-ordered series of one value, kept at a fixed resolution: samples that fall into the
 * same bucket are merged, so a series costs the same whatever the sampling interval.
 */
public final class SampleSeries {

    /** How samples within one bucket are merged. */
    public enum Merge {
        /** Keep the newest, for sizes that are read at each pass. */
        LATEST,
        /** Keep the lowest, for the floor of a heap pool after collections. */
        MINIMUM
    }

    private final long bucketMillis;
    private final Merge merge;
    private final long[] times;
    private final long[] values;
    private int start;
    private int count;
    private long firstRecordedMillis = Long.MIN_VALUE;
    /** The highest value that fell out of the ring recently, so that the peak of a long oscillation is not forgotten. */
    private long evictedPeak = Long.MIN_VALUE;
    private long evictedPeakMillis;

    public SampleSeries(long bucketMillis, int capacity, Merge merge) {
        this.bucketMillis = Math.max(1, bucketMillis);
        this.merge = merge;
        this.times = new long[capacity];
        this.values = new long[capacity];
    }

    public void record(long timeMillis, long value) {
        if (firstRecordedMillis == Long.MIN_VALUE) {
            firstRecordedMillis = timeMillis;
        }
        if (count > 0 && timeMillis - times[index(count - 1)] < bucketMillis) {
            int last = index(count - 1);
            values[last] = merge == Merge.LATEST ? value : Math.min(values[last], value);
            return;
        }
        if (count == times.length) {
            forget(times[start], values[start]);
            start = (start + 1) % times.length;
            count--;
        }
        int slot = index(count);
        times[slot] = timeMillis;
        values[slot] = value;
        count++;
    }

    /**
     * A peak is kept for at most one more span of the ring after it falls out, then the next value to fall
     * out replaces it: two longs remember what the last oscillation reached, and memory stays fixed.
     */
    private void forget(long timeMillis, long value) {
        long ringSpanMillis = bucketMillis * times.length;
        if (evictedPeak == Long.MIN_VALUE || value >= evictedPeak || timeMillis - evictedPeakMillis > ringSpanMillis) {
            evictedPeak = value;
            evictedPeakMillis = timeMillis;
        }
    }

    /** The highest value among those no longer retained, recent ones only; {@code Long.MIN_VALUE} if none. */
    public long recentlyEvictedPeak() {
        return evictedPeak;
    }

    /** When the first sample ever was recorded; history before it is unknown. */
    public long firstRecordedMillis() {
        return firstRecordedMillis;
    }

    public int size() {
        return count;
    }

    /** Time of the i-th retained sample, oldest first. */
    public long timeAt(int i) {
        return times[index(i)];
    }

    public long valueAt(int i) {
        return values[index(i)];
    }

    public long latestValue() {
        return values[index(count - 1)];
    }

    private int index(int i) {
        return (start + i) % times.length;
    }
}
