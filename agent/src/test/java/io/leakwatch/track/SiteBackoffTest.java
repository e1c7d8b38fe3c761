package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SiteBackoffTest {

    @Test
    void failuresInARowDoubleThePenalty() {
        SiteBackoff backoff = new SiteBackoff(4, 2, 16);
        backoff.fail(1);
        assertEquals(2, skippedPasses(backoff, 1));
        backoff.fail(1);
        assertEquals(4, skippedPasses(backoff, 1));
        backoff.fail(1);
        assertEquals(8, skippedPasses(backoff, 1));
    }

    @Test
    void aGoodReadForgetsThePenalty() {
        SiteBackoff backoff = new SiteBackoff(4, 2, 16);
        backoff.fail(1);
        skippedPasses(backoff, 1);
        backoff.fail(1);
        skippedPasses(backoff, 1);
        backoff.succeed(1);
        backoff.fail(1);
        assertEquals(2, skippedPasses(backoff, 1));
    }

    @Test
    void thePenaltyIsCapped() {
        SiteBackoff backoff = new SiteBackoff(4, 2, 16);
        for (int i = 0; i < 10; i++) {
            backoff.fail(2);
            skippedPasses(backoff, 2);
        }
        backoff.fail(2);
        assertEquals(16, skippedPasses(backoff, 2));
        assertEquals(0, skippedPasses(backoff, 3));
    }

    private static int skippedPasses(SiteBackoff backoff, int siteId) {
        int skipped = 0;
        while (backoff.skip(siteId)) {
            skipped++;
        }
        return skipped;
    }
}
