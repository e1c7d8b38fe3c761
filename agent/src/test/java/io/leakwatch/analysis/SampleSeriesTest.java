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
}
