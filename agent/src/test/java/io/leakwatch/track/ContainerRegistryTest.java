package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContainerRegistryTest {

    @Test
    void keepsAFewContainersPerSiteAndCountsTheRest() {
        ContainerRegistry registry = new ContainerRegistry(16, 2, 100);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> list = new ArrayList<>();
            kept.add(list);
            registry.onFieldWrite(list, 3);
        }
        assertEquals(2, registry.trackedInstances());
        assertEquals(3, registry.droppedRegistrations());
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
    void theGlobalCapHolds() {
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
}
