package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SiteReadStateTest {

    @Test
    void aFailureSkipsTwoPassesAndEachFurtherOneInARowDoublesThatUpTo512() {
        SiteReadState site = new SiteReadState();
        List<Integer> penalties = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            site.readFailed();
            penalties.add(skippedPasses(site));
        }
        assertEquals(List.of(2, 4, 8, 16, 32, 64, 128, 256, 512, 512, 512), penalties);
    }

    @Test
    void aGoodReadForgetsThePenalty() {
        SiteReadState site = new SiteReadState();
        site.readFailed();
        skippedPasses(site);
        site.readFailed();
        skippedPasses(site);
        site.readWell();
        site.readFailed();
        assertEquals(2, skippedPasses(site));
        site.readFailed();
        assertEquals(4, skippedPasses(site), "failures in a row double again from the first penalty");
    }

    @Test
    void aSiteNeverFailedIsNotSkipped() {
        SiteReadState site = new SiteReadState();
        assertEquals(0, skippedPasses(site));
        site.readWell();
        assertEquals(0, skippedPasses(site));
    }

    @Test
    void aSiteFoundWithNoLiveContainerReadsEmptyUnlessOneWasReadSinceTheLastSuchPass() {
        SiteReadState site = new SiteReadState();
        assertTrue(site.foundNoneAlive(), "none was ever read");
        site.sawAlive();
        assertFalse(site.foundNoneAlive(), "the pass after a live read is unknown");
        assertTrue(site.foundNoneAlive(), "the next one reads empty");
        assertTrue(site.foundNoneAlive());
    }

    private static int skippedPasses(SiteReadState site) {
        int skipped = 0;
        while (site.skipThisPass()) {
            skipped++;
        }
        return skipped;
    }

    @Test
    void valuesWithoutContainersAreProbedAgainAfterPassesThatDoubleUpTo32AndAContainerAmongThemResetsThat() {
        SiteReadState site = new SiteReadState();
        assertTrue(site.probesNestedValues(), "a new site is probed");
        List<Integer> skippedRuns = new ArrayList<>();
        for (int probe = 0; probe < 8; probe++) {
            site.probedNestedValues(false);
            int skipped = 0;
            while (!site.probesNestedValues()) {
                skipped++;
            }
            skippedRuns.add(skipped);
        }
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 32, 32), skippedRuns);

        site.probedNestedValues(true);
        assertTrue(site.probesNestedValues());
        assertTrue(site.probesNestedValues(), "values that held a container are looked into at every pass");
        site.probedNestedValues(false);
        assertFalse(site.probesNestedValues(), "and a later miss starts again from one skipped pass");
        assertTrue(site.probesNestedValues());
    }
}
