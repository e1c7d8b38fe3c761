package io.leakwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void eachIntervalHoldsOnlyWhatWasRecordedSinceThePreviousOne() {
        Distribution distribution = new Distribution();
        for (int i = 1; i <= 100; i++) {
            distribution.recordMicros(i * 1_000L);
        }
        Distribution.Interval first = distribution.takeInterval();
        assertEquals(100, first.count());
        assertEquals(0.050, first.median(), 0.001);
        assertEquals(0.099, first.p99(), 0.001);
        assertEquals(0.100, first.max(), 0.001);

        distribution.recordMicros(2_000_000L);
        Distribution.Interval second = distribution.takeInterval();
        assertEquals(1, second.count());
        assertEquals(2.0, second.max(), 0.02);
        assertEquals(0, distribution.takeInterval().count());
    }

    @Test
    void valuesOutsideTheRangeAreClampedNotLost() {
        Distribution distribution = new Distribution();
        distribution.recordMicros(-5);
        distribution.recordMicros(Long.MAX_VALUE);
        Distribution.Interval interval = distribution.takeInterval();
        assertEquals(2, interval.count());
        assertEquals(3600.0, interval.max(), 36.0);
    }
}
