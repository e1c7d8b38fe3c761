package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.leakwatch.bootstrap.LeakwatchBridge;
import org.junit.jupiter.api.Test;

class ContainerRegistryTest {

    @Test
    void keepsAFewContainersPerSiteAndAFullSiteIsNotDataLoss() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> list = new ArrayList<>();
            kept.add(list);
            registry.onFieldWrite(list, 3);
        }
        assertEquals(2, registry.trackedInstances());
        assertEquals(0, registry.droppedRegistrations());
        registry.forEachSite(site -> { });
        assertEquals(1, registry.fullSites());
    }

    @Test
    void theSameContainerIsTrackedOnce() {
        ContainerRegistry registry = new ContainerRegistry(16, 4, 100);
        Map<String, String> map = new HashMap<>();
        registry.onFieldWrite(map, 0);
        registry.onFieldWrite(map, 0);
        assertEquals(1, registry.trackedInstances());
        assertEquals(0, registry.droppedRegistrations());
    }

    @Test
    void theGlobalCapHoldsAndWhatItRefusesIsCountedAsDropped() {
        ContainerRegistry registry = new ContainerRegistry(16, 4, 3);
        List<Object> kept = new ArrayList<>();
        for (int site = 0; site < 4; site++) {
            List<String> list = new ArrayList<>();
            kept.add(list);
            registry.onFieldWrite(list, site);
        }
        assertEquals(3, registry.trackedInstances());
        assertEquals(1, registry.droppedRegistrations());
    }

    @Test
    void siteIdsOutOfRangeAreIgnored() {
        ContainerRegistry registry = new ContainerRegistry(4, 4, 100);
        registry.onFieldWrite(new ArrayList<>(), 4);
        registry.onFieldWrite(new ArrayList<>(), -1);
        assertEquals(0, registry.trackedInstances());
    }

    @Test
    void aFullSiteTakesANewContainerOnceAnOldOneIsCollectedEvenBeforeThePrune() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100);
        List<WeakReference<Object>> shortLived = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> list = new ArrayList<>();
            shortLived.add(new WeakReference<>(list));
            registry.onFieldWrite(list, 5);
        }
        while (shortLived.stream().anyMatch(ref -> ref.get() != null)) {
            System.gc();
        }
        List<String> longLived = new ArrayList<>(List.of("a", "b"));
        registry.onFieldWrite(longLived, 5);

        List<Object> live = new ArrayList<>();
        registry.site(5).forEachLive(live::add);
        assertEquals(List.of(longLived), live);
        assertEquals(2, registry.trackedInstances(), "the replaced slot was counted already; the prune frees the other");
        registry.forEachSite(site -> { });
        assertEquals(1, registry.trackedInstances());
        assertEquals(0, registry.droppedRegistrations());
    }

    @Test
    void aSiteStaysFullWhileItsContainersLive() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> list = new ArrayList<>();
            kept.add(list);
            registry.onFieldWrite(list, 1);
        }
        System.gc();
        List<String> another = new ArrayList<>();
        registry.onFieldWrite(another, 1);
        assertEquals(2, registry.trackedInstances());
        registry.forEachSite(site -> { });
        assertEquals(1, registry.fullSites());
        assertEquals(3, kept.size());
    }

    @Test
    void aFullSiteWithLiveContainersLooksAtFewOfItsWrites() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100, 1023);
        List<Object> kept = List.of(new ArrayList<String>(), new ArrayList<String>());
        kept.forEach(list -> registry.onFieldWrite(list, 2));
        int writes = 100_000;
        for (int i = 0; i < writes; i++) {
            registry.onFieldWrite(new ArrayList<String>(), 2);
        }
        long looks = registry.fullSiteLooks();
        // Ten doublings to the maximum, one look more, then the site pauses until a collection or a pass: about 11;
        // one look per 512..1023 writes would be about 150, every write 100000.
        assertTrue(looks > 0 && looks <= 12, "looks at a full site: " + looks);
        assertEquals(2, registry.trackedInstances());
        assertEquals(2, registry.registrations());
    }

    @Test
    void aFullSiteSetsItsCountdownInTheSharedArrayThatTheBridgeCountsDown() {
        int[][] writesToLetPass = new int[LeakwatchBridge.STRIPES][16];
        ContainerRegistry registry =
                new ContainerRegistry(writesToLetPass, new byte[16], new WeakReference<?>[16], 2, 100);
        int[] mine = writesToLetPass[LeakwatchBridge.currentStripe()];
        List<Object> kept = List.of(new ArrayList<String>(), new ArrayList<String>());
        kept.forEach(list -> registry.onFieldWrite(list, 5));
        for (int i = 0; i < 200 && mine[5] == 0; i++) {
            registry.onFieldWrite(new ArrayList<String>(), 5);
        }
        assertTrue(mine[5] > 0, "a full site that backed off lets writes pass through the shared array");
        assertEquals(1, Arrays.stream(writesToLetPass).flatMapToInt(Arrays::stream).filter(left -> left > 0).count(),
                "only its own site's entry, in the looking thread's stripe");

        // The bridge counts down on its own and calls the registry only once the countdown is out: then the
        // registry looks at once, and backs off again.
        int looks = (int) registry.fullSiteLooks();
        mine[5] = 0;
        registry.onFieldWrite(new ArrayList<String>(), 5);
        assertEquals(looks + 1, registry.fullSiteLooks());
        assertTrue(mine[5] > 0);
    }

    @Test
    void aChurningSitePausesOnceBackedOffAndLooksAgainAfterACollectionAnOfferOrAPass() {
        int[][] writesToLetPass = new int[LeakwatchBridge.STRIPES][16];
        byte[] paused = new byte[16];
        ContainerRegistry registry = new ContainerRegistry(writesToLetPass, paused, new WeakReference<?>[16], 2, 100);
        int[] mine = writesToLetPass[LeakwatchBridge.currentStripe()];
        List<Object> kept = List.of(new ArrayList<String>(), new ArrayList<String>());
        kept.forEach(list -> registry.onFieldWrite(list, 3));
        int writes = 0;
        while (paused[3] == 0 && writes < 10_000) {
            registry.onFieldWrite(new ArrayList<String>(), 3);
            writes++;
        }
        assertEquals(1, paused[3], "a full site backed off as far as it goes pauses");
        // Ten looks that back off by 0, 1, 3 .. 511 writes (each between half and all of it), then one at 1023.
        assertTrue(writes > 500 && writes < 1_100, "writes until the pause: " + writes);
        long looks = registry.fullSiteLooks();
        for (int i = 0; i < 5_000; i++) {
            registry.onFieldWrite(new ArrayList<String>(), 3);
        }
        assertEquals(looks, registry.fullSiteLooks(), "no look while paused");
        int pausedSites = 0;
        for (byte site : paused) {
            pausedSites += site;
        }
        assertEquals(1, pausedSites, "only that site");

        // After a collection: looks again, first after what is left of the countdown (set at random by the last
        // look), then pauses again once it has found nothing.
        registry.resumePausedSites();
        assertEquals(0, paused[3]);
        int untilLook = mine[3];
        assertTrue(untilLook >= 511 && untilLook <= 1023, "the countdown the pausing look set: " + untilLook);
        for (int i = 0; i <= untilLook; i++) {
            registry.onFieldWrite(new ArrayList<String>(), 3);
        }
        assertEquals(looks + 1, registry.fullSiteLooks());
        assertEquals(1, paused[3], "a look that finds nothing pauses the site again");

        // An offered slot resumes it, and a pass does too.
        registry.site(3).offerSlot(0);
        assertEquals(0, paused[3], "an offered slot is taken at a look");
        paused[3] = 1;
        registry.forEachSite(site -> { });
        assertEquals(0, paused[3], "each pass resumes paused sites");
    }

    @Test
    void aRegistrationResumesAPausedSite() {
        byte[] paused = new byte[16];
        ContainerRegistry registry = new ContainerRegistry(new int[LeakwatchBridge.STRIPES][16], paused,
                new WeakReference<?>[16], 2, 100);
        List<Object> kept = new ArrayList<>(List.of(new ArrayList<String>(), new ArrayList<String>()));
        kept.forEach(list -> registry.onFieldWrite(list, 9));
        for (int i = 0; i < 10_000 && paused[9] == 0; i++) {
            registry.onFieldWrite(new ArrayList<String>(), 9);
        }
        assertEquals(1, paused[9]);
        registry.site(9).lookAtEveryWrite();
        assertEquals(0, paused[9], "a registration or a freed slot: every write is looked at again");
    }

    @Test
    void eachStripeOfThreadsCountsDownItsOwnCountdownAndARegistrationClearsThemAll() throws Exception {
        int[][] writesToLetPass = new int[LeakwatchBridge.STRIPES][16];
        ContainerRegistry registry =
                new ContainerRegistry(writesToLetPass, new byte[16], new WeakReference<?>[16], 2, 100);
        List<Object> kept = new ArrayList<>(List.of(new ArrayList<String>(), new ArrayList<String>()));
        kept.forEach(list -> registry.onFieldWrite(list, 5));
        int mine = LeakwatchBridge.currentStripe();
        for (int i = 0; i < 50 || i < 500 && writesToLetPass[mine][5] == 0; i++) {
            registry.onFieldWrite(new ArrayList<String>(), 5);
        }
        assertTrue(writesToLetPass[mine][5] > 0, "this thread's countdown runs");

        // Another thread, of another stripe, has its own countdown: its first write to the full site is looked at.
        long looks = registry.fullSiteLooks();
        int[] othersStripe = new int[1];
        Thread other;
        do {
            other = new Thread(() -> {
                othersStripe[0] = LeakwatchBridge.currentStripe();
                if (othersStripe[0] != mine) {
                    registry.onFieldWrite(new ArrayList<String>(), 5);
                }
            });
            other.start();
            other.join();
        } while (othersStripe[0] == mine);
        assertEquals(looks + 1, registry.fullSiteLooks(), "the other stripe's write was looked at");
        assertTrue(writesToLetPass[othersStripe[0]][5] > 0, "its look backed off in its own stripe");

        // A collected container frees a slot: the next look takes it and every stripe looks at every write again.
        kept.clear();
        System.gc();
        for (int i = 0; i < 2_000 && registry.registrations() == 2; i++) {
            writesToLetPass[mine][5] = 0;
            registry.onFieldWrite(new ArrayList<String>(), 5);
            System.gc();
        }
        assertEquals(3, registry.registrations(), "a slot freed by a collection was taken");
        for (int stripe = 0; stripe < LeakwatchBridge.STRIPES; stripe++) {
            assertEquals(0, writesToLetPass[stripe][5], "stripe " + stripe + " looks at every write again");
        }
    }

    @Test
    void aFieldSetOverAndOverToTheSameContainerPassesAtOnceAndANewContainerWrittenOnceAmongTheWritesIsTaken() {
        int[][] writesToLetPass = new int[LeakwatchBridge.STRIPES][16];
        WeakReference<?>[] lastHeld = new WeakReference<?>[16];
        ContainerRegistry registry = new ContainerRegistry(writesToLetPass, new byte[16], lastHeld, 4, 100);
        int[] mine = writesToLetPass[LeakwatchBridge.currentStripe()];
        List<String> setEachRequest = new ArrayList<>();
        registry.onFieldWrite(setEachRequest, 6);
        assertSame(setEachRequest, lastHeld[6].get(), "the bridge lets the registered list's writes pass");
        for (int i = 0; i < 10_000; i++) {
            registry.onFieldWrite(setEachRequest, 6);
            assertEquals(0, mine[6], "a re-write of the last held list neither looks nor counts down");
        }

        // Its re-writes left the countdown alone: a list written exactly once among them is looked at and taken.
        List<String> writtenOnce = new ArrayList<>();
        registry.onFieldWrite(writtenOnce, 6);
        for (int i = 0; i < 10_000; i++) {
            registry.onFieldWrite(setEachRequest, 6);
        }
        assertSame(setEachRequest, lastHeld[6].get(), "one look found the first list held again and names it");
        List<Object> live = new ArrayList<>();
        registry.site(6).forEachLive(live::add);
        assertEquals(List.of(setEachRequest, writtenOnce), live);
        assertEquals(2, registry.registrations());
    }

    @Test
    void twoContainersSetInTurnBackOffButAThirdAmongTheirWritesIsTaken() {
        int[][] writesToLetPass = new int[LeakwatchBridge.STRIPES][16];
        ContainerRegistry registry =
                new ContainerRegistry(writesToLetPass, new byte[16], new WeakReference<?>[16], 4, 100);
        int[] mine = writesToLetPass[LeakwatchBridge.currentStripe()];
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        int mostLetPass = 0;
        for (int i = 0; i < 10_000; i++) {
            registry.onFieldWrite(i % 2 == 0 ? first : second, 6);
            mostLetPass = Math.max(mostLetPass, mine[6]);
        }
        assertTrue(mostLetPass > 0 && mostLetPass <= 15, "writes let pass after re-writes: " + mostLetPass);

        // A third list, set among them three hundred times, is taken among 30000 re-writes (a look falls on each of
        // its writes with a chance of one in 16 at least: missing all 300 has a chance below 1e-8).
        List<String> third = new ArrayList<>();
        for (int i = 1; i <= 30_000; i++) {
            registry.onFieldWrite(i % 100 == 0 ? third : i % 2 == 0 ? first : second, 6);
        }
        List<Object> live = new ArrayList<>();
        registry.site(6).forEachLive(live::add);
        assertEquals(List.of(first, second, third), live);
        assertEquals(3, registry.registrations());
    }

    @Test
    void aLongLivedContainerWrittenAgainAmongChurnIsFoundEvenWhenItsWritesArePeriodic() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100, 1023);
        List<String> longLived = new ArrayList<>();
        List<Object> live = new ArrayList<>();
        // Every 16th write is the long-lived list, the rest die young; a collection every 16384 writes. A countdown
        // in step with that period would never look at the long-lived write when a slot is free.
        for (int round = 0; round < 400 && live.isEmpty(); round++) {
            for (int i = 1; i <= 16_384; i++) {
                registry.onFieldWrite(i % 16 == 0 ? longLived : new ArrayList<String>(), 7);
            }
            System.gc();
            // What the agent does at every collection's notification.
            registry.resumePausedSites();
            registry.site(7).forEachLive(container -> {
                if (container == longLived) {
                    live.add(container);
                }
            });
        }
        assertEquals(List.of(longLived), live);
    }

    @Test
    void aFullSiteThatBackedOffTakesAContainerWrittenOnceAfterThePruneFreedItsSlots() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100, 1023);
        List<WeakReference<Object>> shortLived = new ArrayList<>();
        List<Object> holding = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> list = new ArrayList<>();
            holding.add(list);
            shortLived.add(new WeakReference<>(list));
            registry.onFieldWrite(list, 4);
        }
        for (int i = 0; i < 5_000; i++) {
            registry.onFieldWrite(new ArrayList<String>(), 4);
        }
        holding.clear();
        while (shortLived.stream().anyMatch(ref -> ref.get() != null)) {
            System.gc();
        }
        registry.forEachSite(site -> { });
        List<String> writtenOnce = new ArrayList<>();
        registry.onFieldWrite(writtenOnce, 4);
        List<Object> live = new ArrayList<>();
        registry.site(4).forEachLive(live::add);
        assertEquals(List.of(writtenOnce), live);
    }

    @Test
    void aPassMayStartAtAnySiteAndStillVisitsEachSiteOnce() {
        ContainerRegistry registry = new ContainerRegistry(16, 4, 100);
        List<Object> kept = new ArrayList<>();
        for (int site : new int[] {0, 3, 5}) {
            List<String> list = new ArrayList<>();
            kept.add(list);
            registry.onFieldWrite(list, site);
        }
        List<Integer> visited = new ArrayList<>();
        registry.forEachSite(3, site -> visited.add(site.siteId()));
        assertEquals(List.of(3, 5, 0), visited);
    }

    @Test
    void aLookAtAFullSiteTakesTheOfferedSlotOnceAndKeepsItsCountdown() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100, 1023);
        List<Object> kept = new ArrayList<>(List.of(new ArrayList<String>(), new ArrayList<String>()));
        kept.forEach(list -> registry.onFieldWrite(list, 4));
        registry.onFieldWrite(new ArrayList<String>(), 4);
        registry.site(4).offerSlot(0);
        List<String> newest = new ArrayList<>();
        registry.onFieldWrite(newest, 4);
        List<String> next = new ArrayList<>();
        registry.onFieldWrite(next, 4);

        List<Object> held = new ArrayList<>();
        registry.site(4).forEachLive(held::add);
        assertEquals(List.of(newest, kept.get(1)), held);
        assertEquals(3, registry.registrations());
        assertEquals(2, registry.trackedInstances());
        assertEquals(2, registry.fullSiteLooks());
    }
}
