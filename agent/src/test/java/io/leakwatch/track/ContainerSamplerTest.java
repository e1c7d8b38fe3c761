package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import it.unimi.dsi.fastutil.leakwatchtest.GatedList;

class ContainerSamplerTest {

    private static final long LIMIT = 1_000;

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

    private static Class<?> classOf(CompletableFuture<Throwable> pass) throws InterruptedException, ExecutionException {
        Throwable thrown = pass.get();
        assertNotNull(thrown, "the pass returned normally");
        return thrown.getClass();
    }
}
