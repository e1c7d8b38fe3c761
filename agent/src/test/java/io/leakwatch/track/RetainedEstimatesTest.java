package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class RetainedEstimatesTest {

    private final Deque<OptionalLong> answers = new ArrayDeque<>();
    private final SiteEstimate[] sites = {new SiteEstimate(), new SiteEstimate(), new SiteEstimate(), new SiteEstimate()};
    private int calls;
    private final RetainedEstimates retained = new RetainedEstimates(id -> {
        calls++;
        return answers.isEmpty() ? OptionalLong.empty() : answers.removeFirst();
    }, id -> sites[id], 1_000);

    @Test
    void aSiteIsEstimatedAgainOnlyOnceItsEstimateIsAPeriodOld() {
        answers.addAll(List.of(OptionalLong.of(10), OptionalLong.of(20)));
        retained.refresh(2, 5_000);
        retained.refresh(2, 5_999);
        assertEquals(1, calls);
        assertEquals(OptionalLong.of(10), retained.latest(2));
        retained.refresh(2, 6_000);
        assertEquals(2, calls);
        assertEquals(OptionalLong.of(20), retained.latest(2));
        assertTrue(retained.takenAt(2, 6_000));
        assertFalse(retained.takenAt(2, 5_000));
    }

    @Test
    void anEstimateForAnAlertIsTakenWhateverThePeriodAndAFailedOneKeepsTheLatest() {
        answers.addAll(List.of(OptionalLong.of(10), OptionalLong.of(30), OptionalLong.empty()));
        retained.refresh(1, 5_000);
        assertEquals(OptionalLong.of(30), retained.estimateNow(1, 5_100));
        assertEquals(OptionalLong.empty(), retained.estimateNow(1, 5_200));
        assertEquals(OptionalLong.of(30), retained.latest(1));
        assertTrue(retained.takenAt(1, 5_200), "tried in that pass, so not tried again in it");
        assertEquals(OptionalLong.empty(), retained.latest(0), "never estimated");
    }
}
