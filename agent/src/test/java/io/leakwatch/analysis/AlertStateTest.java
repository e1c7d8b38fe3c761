package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * WARNING once persistent growth has been judged for a quarter of a window after its first window, CRITICAL
 * once the evidence reaches back two windows, RESOLVED after a window without growth. Window 10 s.
 */
class AlertStateTest {

    private static final long WINDOW = 10_000;
    private static final Trend GROWING = new Trend(true, true, true, 1, 0);
    private static final Trend STILL_RISING = new Trend(true, false, true, 1, 0);
    private static final Trend STOPPED = new Trend(true, false, false, 0, 0);

    private final AlertState state = new AlertState(WINDOW);

    @Test
    void warnsOnceGrowthIsStillJudgedPersistentAQuarterOfAWindowLater() {
        assertEquals(Optional.empty(), state.next(0, GROWING, false));
        assertEquals(Optional.empty(), state.next(1_000, STILL_RISING, false));
        assertEquals(Optional.empty(), state.next(2_000, GROWING, false));
        assertEquals(Optional.of(Severity.WARNING), state.next(2_500, GROWING, false));
        assertEquals(Optional.empty(), state.next(3_000, GROWING, false));
        assertEquals(Optional.empty(), state.next(4_000, STILL_RISING, false));
    }

    @Test
    void growthThatIsNoLongerJudgedPersistentIsNotReported() {
        // A window that ended as a warm-up levelled off took it for growth; the judgements after it do not.
        assertEquals(Optional.empty(), state.next(0, GROWING, true));
        for (long t = 500; t <= 5_500; t += 500) {
            assertEquals(Optional.empty(), state.next(t, STILL_RISING, true));
        }
        assertEquals(Optional.empty(), state.next(6_000, GROWING, true), "the run of evidence ended at the gap");
        assertEquals(Optional.of(Severity.WARNING), state.next(8_500, GROWING, false), "a new run, a quarter on");
    }

    @Test
    void oneWindowOfGrowthIsNotCriticalHoweverNearExhaustion() {
        assertEquals(Optional.empty(), state.next(0, GROWING, true));
        assertEquals(Optional.of(Severity.WARNING), state.next(2_500, GROWING, true));
        assertEquals(Optional.empty(), state.next(6_000, GROWING, true));
        assertEquals(Optional.empty(), state.next(9_500, GROWING, true));
        assertEquals(Optional.of(Severity.CRITICAL), state.next(10_000, GROWING, true));
        assertTrue(state.isCritical());
    }

    @Test
    void theFirstAlertIsCriticalWhenTheJudgementAlreadySpansTwoWindows() {
        assertEquals(Optional.of(Severity.CRITICAL), state.next(0, GROWING.withEvidenceWindows(2), true));
        assertTrue(state.isCritical());
    }

    @Test
    void aJudgementSpanningTwoWindowsFarFromExhaustionIsAWarning() {
        assertEquals(Optional.of(Severity.WARNING), state.next(0, GROWING.withEvidenceWindows(2), false));
    }

    @Test
    void escalatesOnceToCriticalWhileGrowthPersists() {
        state.next(0, GROWING, false);
        state.next(2_500, GROWING, false);
        assertEquals(Optional.empty(), state.next(5_000, STILL_RISING, true));
        assertEquals(Optional.empty(), state.next(7_000, GROWING, true));
        assertEquals(Optional.empty(), state.next(9_000, GROWING, true));
        assertEquals(Optional.empty(), state.next(11_000, STILL_RISING, true), "two windows, but not persistent now");
        assertEquals(Optional.of(Severity.CRITICAL), state.next(12_000, GROWING, true));
        assertEquals(Optional.empty(), state.next(13_000, GROWING, true));
    }

    @Test
    void growthThatPausedMustOutlastTwoWindowsAgainToBeCritical() {
        state.next(0, GROWING, false);
        state.next(2_500, GROWING, false);
        state.next(5_000, STOPPED, false);
        assertEquals(Optional.empty(), state.next(8_000, GROWING, true), "more than half a window since the last");
        assertEquals(Optional.empty(), state.next(12_000, STILL_RISING, true));
        assertEquals(Optional.empty(), state.next(13_000, GROWING, true));
        assertEquals(Optional.empty(), state.next(17_500, GROWING, true));
        assertEquals(Optional.of(Severity.CRITICAL), state.next(18_000, GROWING, true));
    }

    @Test
    void resolvesOnlyAfterAWholeWindowWithoutGrowth() {
        state.next(0, GROWING, false);
        assertEquals(Optional.of(Severity.WARNING), state.next(2_500, GROWING, false));
        assertEquals(Optional.empty(), state.next(3_000, STOPPED, false));
        assertEquals(Optional.empty(), state.next(8_000, STOPPED, false));
        assertEquals(Optional.empty(), state.next(9_000, STILL_RISING, false));
        assertEquals(Optional.empty(), state.next(14_000, STOPPED, false));
        assertEquals(Optional.of(Severity.RESOLVED), state.next(24_000, STOPPED, false));
        assertEquals(Optional.empty(), state.next(25_000, GROWING, false), "a new run of evidence");
        assertEquals(Optional.of(Severity.WARNING), state.next(27_500, GROWING, false));
    }

    @Test
    void saysNothingWithoutAKnownTrend() {
        assertEquals(Optional.empty(), state.next(0, Trend.UNKNOWN, true));
    }

    @Test
    void anUnknownTrendEndsTheRunOfEvidence() {
        state.next(0, GROWING, false);
        state.next(1_000, Trend.UNKNOWN, false);
        assertEquals(Optional.empty(), state.next(2_500, GROWING, false));
    }
}
