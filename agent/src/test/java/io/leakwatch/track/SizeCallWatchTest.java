package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeCallWatchTest {

    private static final long LIMIT = 1_000;

    @Test
    void aCallThatReturnsInTimeIsLeftAlone() {
        SizeCallWatch watch = new SizeCallWatch(4);
        long call = watch.enter("a.Queue", 10_000);
        assertNull(watch.abandonIfStuck(10_000 + LIMIT - 1, LIMIT));
        assertTrue(watch.exit(call));
        assertNull(watch.abandonIfStuck(10_000 + 10 * LIMIT, LIMIT));
        assertFalse(watch.isBlocked("a.Queue"));
    }

    @Test
    void aStuckCallIsGivenUpOnOnceAndItsTypeIsBlocked() {
        SizeCallWatch watch = new SizeCallWatch(4);
        long call = watch.enter("a.Queue", 10_000);
        assertEquals("a.Queue", watch.abandonIfStuck(10_000 + LIMIT, LIMIT));
        assertNull(watch.abandonIfStuck(10_000 + 2 * LIMIT, LIMIT));
        assertTrue(watch.isBlocked("a.Queue"));
        assertFalse(watch.isBlocked("a.List"));
        assertFalse(watch.exit(call), "the stuck thread learns it was replaced");
    }

    @Test
    void theReplacementsCallsAreNotMistakenForTheAbandonedOne() {
        SizeCallWatch watch = new SizeCallWatch(4);
        long stuck = watch.enter("a.Queue", 10_000);
        watch.abandonIfStuck(10_000 + LIMIT, LIMIT);
        long next = watch.enter("a.List", 20_000);
        assertFalse(watch.exit(stuck));
        assertTrue(watch.exit(next));
    }

    @Test
    void blockedTypesAreBounded() {
        SizeCallWatch watch = new SizeCallWatch(1);
        watch.enter("a.First", 0);
        watch.abandonIfStuck(LIMIT + 1, LIMIT);
        watch.enter("a.Second", 0);
        assertEquals("a.Second", watch.abandonIfStuck(LIMIT + 1, LIMIT));
        assertTrue(watch.isBlocked("a.First"));
        assertFalse(watch.isBlocked("a.Second"));
    }
}
