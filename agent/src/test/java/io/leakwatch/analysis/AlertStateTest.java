package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AlertStateTest {

    private static final long WINDOW = 10_000;
    private static final Trend GROWING = new Trend(true, true, true, 100, 1, 0);
    private static final Trend STILL_RISING = new Trend(true, false, true, 100, 1, 0);
    private static final Trend STOPPED = new Trend(true, false, false, 0, 0, 0);

    private final AlertState state = new AlertState(WINDOW);

    @Test
    void warnsOnceWhileGrowthHolds() {
        assertEquals(Optional.of(Severity.WARNING), state.next(0, GROWING, false));
        assertEquals(Optional.empty(), state.next(1_000, GROWING, false));
        assertEquals(Optional.empty(), state.next(2_000, STILL_RISING, false));
    }

    @Test
    void oneWindowOfGrowthIsNotCriticalHoweverNearExhaustion() {
        assertEquals(Optional.of(Severity.WARNING), state.next(0, GROWING, true));
        assertEquals(Optional.empty(), state.next(9_000, GROWING, true));
        assertEquals(Optional.of(Severity.CRITICAL), state.next(10_000, GROWING, true));
        assertTrue(state.isCritical());
    }

    @Test
    void escalatesOnceToCriticalWhileGrowthPersists() {
        state.next(0, GROWING, false);
        assertEquals(Optional.empty(), state.next(5_000, STILL_RISING, true));
        assertEquals(Optional.empty(), state.next(11_000, STILL_RISING, true));
        assertEquals(Optional.of(Severity.CRITICAL), state.next(12_000, GROWING, true));
        assertEquals(Optional.empty(), state.next(13_000, GROWING, true));
    }

    @Test
    void growthThatPausedMustOutlastAWholeWindowAgain() {
        state.next(0, GROWING, false);
        state.next(5_000, STOPPED, false);
        assertEquals(Optional.empty(), state.next(8_000, GROWING, true));
        assertEquals(Optional.empty(), state.next(15_000, GROWING, true));
        assertEquals(Optional.of(Severity.CRITICAL), state.next(18_000, GROWING, true));
    }

    @Test
    void resolvesOnlyAfterAWholeWindowWithoutGrowth() {
        state.next(0, GROWING, false);
        assertEquals(Optional.empty(), state.next(1_000, STOPPED, false));
        assertEquals(Optional.empty(), state.next(6_000, STOPPED, false));
        assertEquals(Optional.empty(), state.next(7_000, STILL_RISING, false));
        assertEquals(Optional.empty(), state.next(12_000, STOPPED, false));
        assertEquals(Optional.of(Severity.RESOLVED), state.next(22_000, STOPPED, false));
        assertEquals(Optional.of(Severity.WARNING), state.next(23_000, GROWING, false));
    }

    @Test
    void saysNothingWithoutAKnownTrend() {
        assertEquals(Optional.empty(), state.next(0, Trend.UNKNOWN, true));
    }
}
