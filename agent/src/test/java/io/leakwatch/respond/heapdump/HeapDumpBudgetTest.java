package io.leakwatch.respond.heapdump;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapDumpBudgetTest {

    private static final long HOUR = 3_600_000L;

    private final HeapDumpBudget budget = new HeapDumpBudget(HOUR);

    @Test
    void oneDumpAtATime() {
        assertTrue(budget.tryStart(0));
        assertFalse(budget.tryStart(10), "a second CRITICAL while the first dump is written");
        assertFalse(budget.tryStart(2 * HOUR), "still in progress, however late");
    }

    @Test
    void noSecondDumpWithinThePeriod() {
        assertTrue(budget.tryStart(1_000));
        budget.finished(true, 1_000);
        assertFalse(budget.tryStart(1_000 + HOUR - 1));
        assertTrue(budget.tryStart(1_000 + HOUR));
    }

    @Test
    void aFailedDumpAlsoStartsThePeriod() {
        assertTrue(budget.tryStart(0));
        budget.finished(true, 0);
        assertFalse(budget.tryStart(60_000), "the application was paused for it, even if no file was kept");
    }

    @Test
    void aDumpRefusedBeforeItsCallLetsTheNextCriticalTry() {
        assertTrue(budget.tryStart(0));
        budget.finished(false, 0);
        assertTrue(budget.tryStart(60_000));
    }
}
