package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * The estimate's walk is bounded, counts an object shared by entries once, ends on cycles, and scales what it
 * found in the sampled entries to the container's size; every object here "weighs" {@link #OBJECT_BYTES}.
 */
class RetainedSizeEstimatorTest {

    private static final long OBJECT_BYTES = 100;
    /** RetainedSizeEstimator's overhead per entry of an array-backed and of a node-based container. */
    private static final long ARRAY_SLOT_BYTES = 6;
    private static final long NODE_BYTES = 40;

    /** An application's object, walked through its fields. */
    static final class Node {
        Node next;
        Object payload;

        Node(Node next, Object payload) {
            this.next = next;
            this.payload = payload;
        }
    }

    static final class Leaf {
        long value;
    }

    /** Every object sized, by identity, with how often. */
    private final Map<Object, Integer> sized = new IdentityHashMap<>();
    private final Instrumentation instrumentation = (Instrumentation) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> {
                if (!method.getName().equals("getObjectSize")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                sized.merge(arguments[0], 1, Integer::sum);
                return OBJECT_BYTES;
            });

    @Test
    void aLongChainStopsAtTheObjectBound() {
        Node head = null;
        for (int i = 0; i < 10_000; i++) {
            head = new Node(head, null);
        }
        List<Node> chains = new ArrayList<>(List.of(head));
        OptionalLong estimate = new RetainedSizeEstimator(instrumentation, 8, 50).estimate(chains);

        assertTrue(estimate.isPresent());
        assertTrue(sized.size() <= 50, "objects sized: " + sized.size());
        assertTrue(sized.size() >= 40, "the walk went as far as the bound: " + sized.size());
        assertEquals(OBJECT_BYTES + 1 * ((sized.size() - 1) * OBJECT_BYTES + ARRAY_SLOT_BYTES), estimate.getAsLong());
    }

    @Test
    void aWideArrayIsQueuedOnlyUpToTheBound() {
        Object[] wide = new Object[100_000];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = new Leaf();
        }
        List<Node> entries = new ArrayList<>(List.of(new Node(null, wide)));
        new RetainedSizeEstimator(instrumentation, 8, 64).estimate(entries);
        assertTrue(sized.size() <= 64, "objects sized: " + sized.size());
    }

    @Test
    void anObjectSharedByTheSampledEntriesIsCountedOnce() {
        Leaf shared = new Leaf();
        List<Node> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(new Node(null, shared));
        }
        OptionalLong estimate = new RetainedSizeEstimator(instrumentation, 4, 1_000).estimate(entries);

        assertEquals(1, sized.get(shared));
        // 4 nodes and the shared leaf over 4 sampled entries: 125 bytes per entry, plus the list itself.
        assertEquals(OBJECT_BYTES + 4 * ((4 * OBJECT_BYTES + OBJECT_BYTES) / 4 + ARRAY_SLOT_BYTES),
                estimate.getAsLong());
    }

    @Test
    void aCycleEndsAndEachOfItsObjectsIsCountedOnce() {
        Node first = new Node(null, null);
        Node second = new Node(first, null);
        first.next = second;
        first.payload = first;
        List<Node> entries = new LinkedList<>(List.of(first));
        OptionalLong estimate = new RetainedSizeEstimator(instrumentation, 8, 1_000).estimate(entries);

        assertEquals(OBJECT_BYTES + 1 * (2 * OBJECT_BYTES + NODE_BYTES), estimate.getAsLong());
        assertEquals(Map.of(1, 3), countsOfCounts(), "the list and both nodes, each once");
    }

    @Test
    void theSampledEntriesAreScaledToTheContainersSize() {
        List<Leaf> entries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            entries.add(new Leaf());
        }
        OptionalLong estimate = new RetainedSizeEstimator(instrumentation, 10, 1_000).estimate(entries);

        assertEquals(10 + 1, sized.size(), "ten entries walked, and the list");
        assertEquals(OBJECT_BYTES + 1_000 * (OBJECT_BYTES + ARRAY_SLOT_BYTES), estimate.getAsLong());
    }

    @Test
    void aMapsEntriesWeighTheirKeyAndValue() {
        Map<Leaf, Node> map = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            map.put(new Leaf(), new Node(null, new Leaf()));
        }
        OptionalLong estimate = new RetainedSizeEstimator(instrumentation, 5, 1_000).estimate(map);

        assertEquals(5 * 3 + 1, sized.size(), "five entries of a key, a node and its leaf; and the map");
        assertEquals(OBJECT_BYTES + 20 * (3 * OBJECT_BYTES + NODE_BYTES), estimate.getAsLong());
    }

    @Test
    void anEmptyContainerWeighsItself() {
        assertEquals(OBJECT_BYTES, new RetainedSizeEstimator(instrumentation, 8, 64)
                .estimate(new ArrayList<>(Collections.emptyList())).getAsLong());
    }

    /** How many objects were sized once, twice...: {1: n} when none was sized twice. */
    private Map<Integer, Integer> countsOfCounts() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int times : sized.values()) {
            counts.merge(times, 1, Integer::sum);
        }
        return counts;
    }
}
