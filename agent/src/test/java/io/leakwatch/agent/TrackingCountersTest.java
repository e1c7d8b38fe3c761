package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leakwatch.export.TrackingCounts;
import io.leakwatch.track.ContainerRegistry;
import io.leakwatch.track.ContainerSampler;
import io.leakwatch.track.RetainedSizeEstimator;

class TrackingCountersTest {

    @Test
    void readsTheRegistrysTheSamplersAndTheSiteTablesCounters() {
        ContainerRegistry registry = new ContainerRegistry(8, 1, 3);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, System::nanoTime);
        List<List<String>> held = new ArrayList<>();
        // Site 0 is written two containers and holds one; sites 1 and 2 fill the registry; site 3's is refused.
        for (int site : new int[] {0, 0, 1, 2, 3}) {
            List<String> list = new ArrayList<>(List.of("x"));
            held.add(list);
            registry.onFieldWrite(list, site);
        }
        sampler.sample();

        TrackingCounts counts = new TrackingCounters(registry, sampler, () -> 5).read();

        assertEquals(3, counts.trackedContainers(), "the registry's maximum");
        assertEquals(1 + 5, counts.droppedRegistrations(), "refused by the registry, and by the site table");
        assertEquals(1, counts.fullSites(), "site 0, whose one slot is taken and was wanted again");
        assertEquals(0, counts.unsampledContainers());
        assertEquals(0, counts.failedSizeCalls());
        Reference.reachabilityFence(held);
    }
}
