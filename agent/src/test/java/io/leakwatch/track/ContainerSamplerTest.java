package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.leakwatch.config.LeakwatchConfig;

import it.unimi.dsi.fastutil.leakwatchtest.GatedList;
import it.unimi.dsi.fastutil.leakwatchtest.ScriptedList;

class ContainerSamplerTest {

    private static final long LIMIT = 1_000;
    /** Values walked per container, and per pass in all (the agent's settings). */
    private static final int NESTED_VALUES_WALKED = LeakwatchConfig.NESTED_VALUES_PER_CONTAINER;
    private static final int NESTED_PASS_BUDGET = LeakwatchConfig.NESTED_VALUES_PER_PASS;

    @Test
    void aPassWhoseSizeCallWasGivenUpOnEndsWithoutResultsAndTheTypeIsSkippedAfterwards() throws Exception {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        AtomicLong clock = new AtomicLong(10_000);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, clock::get);
        GatedList gated = new GatedList();
        List<String> plain = new ArrayList<>(List.of("a", "b"));
        registry.onFieldWrite(plain, 0);
        registry.onFieldWrite(gated, 1);

        CompletableFuture<Throwable> stuckPass = CompletableFuture.supplyAsync(() -> {
            try {
                sampler.sample();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertTrue(gated.entered.await(10, TimeUnit.SECONDS));
        assertEquals(GatedList.class.getName(), sampler.sizeCalls().abandonIfStuck(clock.get() + LIMIT, LIMIT));
        gated.gate.countDown();
        assertSame(AbandonedSamplerPass.class, classOf(stuckPass));

        List<ContainerSample> next = sampler.sample();
        assertEquals(1, next.size());
        assertEquals(2, next.get(0).size());
        assertEquals(1, sampler.unsampledContainers());
    }

    @Test
    void aMapReadsAsItsEntriesPlusTheElementsOfTheListsItHolds() {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, System::nanoTime);
        Map<String, List<Integer>> history = new HashMap<>();
        history.put("a", new ArrayList<>(List.of(1, 2, 3)));
        history.put("b", new ArrayList<>(List.of(4)));
        registry.onFieldWrite(history, 0);
        assertEquals(2 + 4, sampler.sample().get(0).size());

        history.get("b").addAll(List.of(5, 6, 7, 8, 9));
        assertEquals(2 + 9, sampler.sample().get(0).size(), "the values grew, the keys did not");
    }

    @Test
    void aFullSiteHandsTheSlotOfItsSmallestContainerToTheNextWriteAndKeepsItsLargest() {
        ContainerRegistry registry = new ContainerRegistry(8, 2, 100, 1023);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, System::nanoTime);
        List<Object> copies = new ArrayList<>();
        for (int size = 1; size <= 3; size++) {
            List<Integer> copy = new ArrayList<>(Collections.nCopies(size * 10, 0));
            copies.add(copy);
            registry.onFieldWrite(copy, 1);
        }
        assertEquals(20, sampler.sample().get(0).size(), "the third copy found the site full");

        List<Integer> newest = new ArrayList<>(Collections.nCopies(40, 0));
        copies.add(newest);
        registry.onFieldWrite(newest, 1);
        assertEquals(40, sampler.sample().get(0).size());
        List<Object> held = new ArrayList<>();
        registry.site(1).forEachLive(held::add);
        assertTrue(held.contains(newest) && held.contains(copies.get(1)), "the largest before it kept its slot");

        List<Integer> smaller = new ArrayList<>(Collections.nCopies(5, 0));
        copies.add(smaller);
        registry.onFieldWrite(smaller, 1);
        registry.onFieldWrite(new ArrayList<>(Collections.nCopies(6, 0)), 1);
        assertEquals(40, sampler.sample().get(0).size(), "one slot is offered per pass, never the largest's");
    }

    @Test
    void aSiteWhoseContainersWereAllCollectedIsUnknownForOnePassThenEmpty() {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, System::nanoTime);
        List<Integer> copy = new ArrayList<>(List.of(1, 2, 3));
        WeakReference<Object> collected = new WeakReference<>(copy);
        registry.onFieldWrite(copy, 2);
        assertEquals(3, sampler.sample().get(0).size());
        copy = null;
        while (collected.get() != null) {
            System.gc();
        }
        assertEquals(List.of(), sampler.sample(), "a copy-on-write field's next copy is not registered yet");
        List<ContainerSample> next = sampler.sample();
        assertEquals(1, next.size());
        assertEquals(0, next.get(0).size());
    }

    @Test
    void aSiteWhoseSizeCallThrowsIsSkippedForPassesThatDoubleUntilARecoveryResetsThem() {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        AtomicLong clock = new AtomicLong(10_000);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, clock::get);
        ScriptedList failing = new ScriptedList(clock, 4);
        failing.throwing = true;
        List<String> healthy = new ArrayList<>(List.of("a"));
        registry.onFieldWrite(failing, 0);
        registry.onFieldWrite(healthy, 1);

        List<Integer> calledAt = new ArrayList<>();
        List<Integer> sampledAt = new ArrayList<>();
        for (int pass = 0; pass < 22; pass++) {
            failing.throwing = pass < 9 || pass >= 18;
            int callsBefore = failing.calls;
            List<ContainerSample> samples = sampler.sample();
            if (failing.calls > callsBefore) {
                calledAt.add(pass);
            }
            if (sizeOfSite(samples, 0) >= 0) {
                sampledAt.add(pass);
            }
            assertEquals(1, sizeOfSite(samples, 1), "the healthy site is read at every pass, pass " + pass);
        }

        assertEquals(List.of(0, 3, 8, 17, 18, 21), calledAt,
                "skipped 2, 4, then 8 passes; after the good read at 17 the next failure costs 2 again");
        assertEquals(List.of(17), sampledAt, "a failed read is no reading");
        assertEquals(5, sampler.failedSizeCalls());
    }

    @Test
    void theEstimateWalksTheContainerThePassReadAsLargestAndNothingOfABackedOffSite() {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        AtomicLong clock = new AtomicLong(10_000);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                LIMIT, clock::get);
        List<String> small = new ArrayList<>(List.of("a"));
        List<String> large = new ArrayList<>(List.of("a", "b", "c"));
        registry.onFieldWrite(small, 0);
        registry.onFieldWrite(large, 0);
        assertNull(sampler.containerToEstimate(0), "nothing before a pass has read the site");

        sampler.sample();
        assertSame(large, sampler.containerToEstimate(0));
        // Grown since the pass: still the pass's choice, as no size() is called outside a pass.
        small.addAll(List.of("b", "c", "d", "e"));
        assertSame(large, sampler.containerToEstimate(0));

        ScriptedList slow = new ScriptedList(clock, 2);
        slow.takesNanos = LIMIT + 1;
        registry.onFieldWrite(slow, 1);
        List<String> beside = new ArrayList<>(List.of("a", "b", "c", "d"));
        registry.onFieldWrite(beside, 1);
        sampler.sample();
        assertNull(sampler.containerToEstimate(1), "a site backed off after a slow read is not walked");
        assertSame(small, sampler.containerToEstimate(0), "the next pass's largest");
        Reference.reachabilityFence(beside);
    }

    @Test
    void aSlowSizeCallStillReadsButBacksItsSiteOff() {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        AtomicLong clock = new AtomicLong(10_000);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                LIMIT, clock::get);
        ScriptedList slow = new ScriptedList(clock, 6);
        slow.takesNanos = LIMIT + 1;
        registry.onFieldWrite(slow, 0);

        assertEquals(6, sizeOfSite(sampler.sample(), 0));
        assertEquals(1, sampler.slowSizeCalls());
        slow.takesNanos = 0;
        assertEquals(-1, sizeOfSite(sampler.sample(), 0));
        assertEquals(-1, sizeOfSite(sampler.sample(), 0));
        assertEquals(1, slow.calls, "skipped for two passes");
        assertEquals(6, sizeOfSite(sampler.sample(), 0));
        assertEquals(1, sampler.slowSizeCalls());
        assertEquals(0, sampler.failedSizeCalls());
    }

    @Test
    void aTypeTheWatchdogGaveUpOnIsNeverCalledAgainNorCountedAsAFailure() throws Exception {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        AtomicLong clock = new AtomicLong(10_000);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, clock::get);
        GatedList gated = new GatedList();
        registry.onFieldWrite(gated, 0);
        CompletableFuture<Throwable> stuckPass = CompletableFuture.supplyAsync(() -> {
            try {
                sampler.sample();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertTrue(gated.entered.await(10, TimeUnit.SECONDS));
        sampler.sizeCalls().abandonIfStuck(clock.get() + LIMIT, LIMIT);
        gated.gate.countDown();
        assertSame(AbandonedSamplerPass.class, classOf(stuckPass));

        GatedList sameType = new GatedList();
        registry.onFieldWrite(sameType, 0);
        for (int pass = 0; pass < 3; pass++) {
            assertEquals(-1, sizeOfSite(sampler.sample(), 0));
            assertEquals(2, sampler.unsampledContainers(), "both lists are unsampled at every pass, not backed off");
        }
        assertEquals(1, sameType.entered.getCount(), "size() of the given-up type was not called again");
        assertEquals(0, sampler.failedSizeCalls());
    }

    @Test
    void collectedContainersArePrunedAndTheirSlotTakenByTheNextWrite() {
        ContainerRegistry registry = new ContainerRegistry(8, 2, 100);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, System::nanoTime);
        List<Integer> kept = new ArrayList<>(List.of(1, 2, 3));
        List<Integer> dropped = new ArrayList<>(Collections.nCopies(9, 0));
        WeakReference<Object> collected = new WeakReference<>(dropped);
        registry.onFieldWrite(kept, 0);
        registry.onFieldWrite(dropped, 0);
        assertEquals(9, sizeOfSite(sampler.sample(), 0));
        assertEquals(2, registry.trackedInstances());

        dropped = null;
        for (int attempt = 0; attempt < 100 && collected.get() != null; attempt++) {
            System.gc();
        }
        assertNull(collected.get(), "the dropped list was collected");
        assertEquals(3, sizeOfSite(sampler.sample(), 0), "the live one is what is left");
        assertEquals(1, registry.trackedInstances(), "the collected one's slot was freed");

        List<Integer> next = new ArrayList<>(Collections.nCopies(5, 0));
        registry.onFieldWrite(next, 0);
        assertEquals(2, registry.trackedInstances());
        assertEquals(5, sizeOfSite(sampler.sample(), 0));
        Reference.reachabilityFence(kept);
    }

    @Test
    void eachSiteReadsAsItsLargestLiveContainerNotTheSumOfThem() {
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, System::nanoTime);
        List<Integer> two = new ArrayList<>(List.of(1, 2));
        Set<Integer> five = new HashSet<>(List.of(1, 2, 3, 4, 5));
        Map<Integer, Integer> four = new HashMap<>(Map.of(1, 1, 2, 2, 3, 3, 4, 4));
        List<Integer> one = new ArrayList<>(List.of(1));
        registry.onFieldWrite(two, 3);
        registry.onFieldWrite(five, 3);
        registry.onFieldWrite(four, 3);
        registry.onFieldWrite(one, 5);

        List<ContainerSample> samples = sampler.sample();
        assertEquals(2, samples.size(), "one sample per site");
        assertEquals(5, sizeOfSite(samples, 3));
        assertEquals(HashSet.class.getName(), samples.stream().filter(s -> s.siteId() == 3).findFirst()
                .orElseThrow().typeName());
        assertEquals(1, sizeOfSite(samples, 5));
    }

    @Test
    void aSiteThePassBudgetDidNotReachCountsTheNestedElementsItLastReadNotNone() {
        int fillerSites = NESTED_PASS_BUDGET / NESTED_VALUES_WALKED / 4;
        int watchedSite = fillerSites;
        ContainerRegistry registry = new ContainerRegistry(watchedSite + 1, 4, 4 * fillerSites + 1);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64),
                watchedSite + 1, Long.MAX_VALUE, System::nanoTime);
        List<Integer> pair = new ArrayList<>(List.of(1, 2));
        List<List<Integer>> watched = new ArrayList<>(Collections.nCopies(NESTED_VALUES_WALKED, pair));
        registry.onFieldWrite(watched, watchedSite);
        assertEquals(NESTED_VALUES_WALKED * 3, sizeOfSite(sampler.sample(), watchedSite));

        // Sites visited before it now spend the whole budget, each value walked being an empty list.
        List<Integer> empty = new ArrayList<>();
        List<Object> fillers = new ArrayList<>();
        for (int site = 0; site < fillerSites; site++) {
            for (int slot = 0; slot < 4; slot++) {
                List<List<Integer>> filler = new ArrayList<>(Collections.nCopies(NESTED_VALUES_WALKED, empty));
                fillers.add(filler);
                registry.onFieldWrite(filler, site);
            }
        }
        pair.add(3);
        List<ContainerSample> samples = sampler.sample();
        assertEquals(NESTED_VALUES_WALKED, sizeOfSite(samples, 0), "a filler reads as its own size, its lists empty");
        assertEquals(NESTED_VALUES_WALKED * 3, sizeOfSite(samples, watchedSite),
                "its own size plus the two elements per value it last read, not the three it holds now");
        Reference.reachabilityFence(fillers);
    }

    @Test
    void valuesThatHoldNoContainerAreNotProbedAtTheNextPassButAreAtTheOneAfter() {
        ContainerRegistry registry = new ContainerRegistry(1, 4, 4);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 1,
                Long.MAX_VALUE, System::nanoTime);
        Map<Integer, Object> byCustomer = new HashMap<>();
        for (int customer = 0; customer < 20; customer++) {
            byCustomer.put(customer, customer);
        }
        registry.onFieldWrite(byCustomer, 0);
        assertEquals(20, sizeOfSite(sampler.sample(), 0), "numbers: no nested elements");

        byCustomer.replaceAll((customer, value) -> new ArrayList<>(List.of(1, 2)));
        assertEquals(20, sizeOfSite(sampler.sample(), 0), "the pass after a probe that found no container skips it");
        assertEquals(60, sizeOfSite(sampler.sample(), 0), "the next probes again, and counts the lists' elements");
        assertEquals(60, sizeOfSite(sampler.sample(), 0), "values that are containers are looked into every pass");
    }

    /** The size the pass read for the site, or -1 when it has no sample in it. */
    private static long sizeOfSite(List<ContainerSample> samples, int siteId) {
        return samples.stream().filter(sample -> sample.siteId() == siteId).mapToLong(ContainerSample::size)
                .findFirst().orElse(-1);
    }

    private static Class<?> classOf(CompletableFuture<Throwable> pass) throws InterruptedException, ExecutionException {
        Throwable thrown = pass.get();
        assertNotNull(thrown, "the pass returned normally");
        return thrown.getClass();
    }
}
