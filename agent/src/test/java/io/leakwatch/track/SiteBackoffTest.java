package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

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

    @Test
    void eachSiteHasItsOwnPenalty() {
        SiteBackoff backoff = new SiteBackoff(4, 2, 16);
        backoff.fail(0);
        backoff.fail(0);
        backoff.fail(1);
        backoff.succeed(1);
        assertEquals(4, skippedPasses(backoff, 0), "failed twice in a row");
        assertEquals(2, skippedPasses(backoff, 1));
        assertEquals(0, skippedPasses(backoff, 2), "never failed");
        backoff.fail(0);
        assertEquals(8, skippedPasses(backoff, 0), "site 1's good read did not reset site 0");
    }

    @Test
    void theCapNeedNotBeAPowerOfTwoOfTheFirstPenalty() {
        SiteBackoff backoff = new SiteBackoff(1, 3, 10);
        List<Integer> penalties = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            backoff.fail(0);
            penalties.add(skippedPasses(backoff, 0));
        }
        assertEquals(List.of(3, 6, 10, 10, 10), penalties);
        backoff.succeed(0);
        backoff.fail(0);
        assertEquals(3, skippedPasses(backoff, 0));
    }

    private static int skippedPasses(SiteBackoff backoff, int siteId) {
        int skipped = 0;
        while (backoff.skip(siteId)) {
            skipped++;
        }
        return skipped;
    }
}
