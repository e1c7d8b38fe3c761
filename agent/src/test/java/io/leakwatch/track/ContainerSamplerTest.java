package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

    private static Class<?> classOf(CompletableFuture<Throwable> pass) throws InterruptedException, ExecutionException {
        Throwable thrown = pass.get();
        assertNotNull(thrown, "the pass returned normally");
        return thrown.getClass();
    }
}
