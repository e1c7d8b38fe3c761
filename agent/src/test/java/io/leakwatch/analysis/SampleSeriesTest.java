package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SampleSeriesTest {

    @Test
    void keepsAFixedNumberOfBucketsWhateverTheSamplingRate() {
        SampleSeries series = new SampleSeries(100, 8, SampleSeries.Merge.LATEST);
        for (long t = 0; t < 10_000; t += 10) {
            series.record(t, t);
        }
        assertEquals(8, series.size());
        assertEquals(9_990, series.latestValue());
        assertEquals(9_200, series.timeAt(0));
        assertEquals(0, series.firstRecordedMillis());
    }

    @Test
    void aMinimumSeriesKeepsTheLowestSampleOfEachBucket() {
        SampleSeries series = new SampleSeries(1_000, 4, SampleSeries.Merge.MINIMUM);
        series.record(0, 50);
        series.record(300, 20);
        series.record(600, 70);
        series.record(1_000, 90);
        assertEquals(2, series.size());
        assertEquals(20, series.valueAt(0));
        assertEquals(90, series.valueAt(1));
    }

    @Test
    void remembersTheHighestEvictedValueForOneMoreSpanOfTheRing() {
        SampleSeries series = new SampleSeries(1_000, 4, SampleSeries.Merge.LATEST);
        assertEquals(Long.MIN_VALUE, series.recentlyEvictedPeak());
        long[] values = {10, 900, 20, 30, 40, 50, 60, 70};
        for (int i = 0; i < values.length; i++) {
            series.record(i * 1_000L, values[i]);
        }
        assertEquals(4, series.size());
        assertEquals(900, series.recentlyEvictedPeak(), "the peak fell out of the ring at 5 s and is still recent");
        for (long t = 8_000; t <= 11_000; t += 1_000) {
            series.record(t, 5);
        }
        assertEquals(70, series.recentlyEvictedPeak(), "a peak older than the ring's span gives way");
    }
}
