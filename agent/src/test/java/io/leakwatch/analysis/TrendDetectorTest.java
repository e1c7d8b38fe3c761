package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

/** The shapes a container's size takes over time, sampled every 500 ms and judged over a 20 s window. */
class TrendDetectorTest {

    private static final long INTERVAL = 500;
    private static final long WINDOW = 20_000;
    private static final long MINIMUM = 100;

    private final TrendDetector detector = new TrendDetector(WINDOW, INTERVAL);

    /** Samples {@code size(t)} from 0 to {@code until} ms and judges the last window. */
    private Trend judge(long until, LongUnaryOperator size) {
        SampleSeries series = new SampleSeries(WINDOW / 40, 50, SampleSeries.Merge.LATEST);
        for (long t = 0; t <= until; t += INTERVAL) {
            series.record(t, size.applyAsLong(t));
        }
        return detector.evaluate(series, until, MINIMUM, TrendDetector.Shape.EVERY_QUARTER_ENDS_HIGHER);
    }

    @Test
    void steadyGrowthIsALeak() {
        Trend trend = judge(30_000, t -> t * 2);
        assertTrue(trend.known());
        assertTrue(trend.persistentGrowth());
        assertEquals(2_000, trend.slopePerSecond(), 1);
    }

    @Test
    void growthWithDipsIsStillALeak() {
        assertTrue(judge(30_000, t -> t / 5 - (t % 3_000 < 500 ? 150 : 0)).persistentGrowth());
    }

    @Test
    void nothingIsSaidBeforeAWholeWindowOfHistory() {
        assertFalse(judge(15_000, t -> t * 2).known());
    }

    @Test
    void aBoundedLruCacheFilledAtHighRateIsNot() {
        Trend trend = judge(60_000, t -> Math.min(2_000, t * 50));
        assertFalse(trend.persistentGrowth());
        assertFalse(trend.netGrowth());
    }

    @Test
    void aListClearedEveryFewSecondsIsNot() {
        for (long period : new long[] {2_000, 3_000, 7_000, 9_000}) {
            Trend trend = judge(80_000, t -> (t % period) * 3);
            assertFalse(trend.persistentGrowth(), "cleared every " + period + " ms");
        }
    }

    @Test
    void aCacheThatFillsInSecondsThenStaysFlatIsNot() {
        assertFalse(judge(25_000, t -> Math.min(10_000, t * 4)).persistentGrowth());
        assertFalse(judge(60_000, t -> Math.min(10_000, t * 4)).netGrowth());
    }

    @Test
    void smallCollectionsOfShortLivedObjectsAreNot() {
        assertFalse(judge(60_000, t -> 3 + (t / INTERVAL) % 4).persistentGrowth());
    }

    @Test
    void growthBelowTheMinimumIsNot() {
        assertFalse(judge(40_000, t -> 1_000 + t / 1_000).persistentGrowth());
    }

    @Test
    void aHeapFloorThatRisesUnderASawtoothIsGrowth() {
        SampleSeries floor = new SampleSeries(WINDOW / 40, 50, SampleSeries.Merge.MINIMUM);
        for (long t = 0; t <= 30_000; t += 200) {
            long live = 50_000_000 + t * 1_000;
            long promotedGarbage = (t % 4_000) * 5_000;
            floor.record(t, live + promotedGarbage);
        }
        Trend trend = detector.evaluate(floor, 30_000, 1_000_000, TrendDetector.Shape.FLOOR_RISES);
        assertTrue(trend.persistentGrowth());
        assertTrue(trend.slopePerSecond() > 0);
    }

    @Test
    void aFlatHeapFloorUnderASawtoothIsNot() {
        SampleSeries floor = new SampleSeries(WINDOW / 40, 50, SampleSeries.Merge.MINIMUM);
        for (long t = 0; t <= 30_000; t += 200) {
            floor.record(t, 50_000_000 + (t % 4_000) * 5_000);
        }
        Trend trend = detector.evaluate(floor, 30_000, 1_000_000, TrendDetector.Shape.FLOOR_RISES);
        assertFalse(trend.persistentGrowth());
        assertFalse(trend.netGrowth());
    }
}
