package io.leakwatch.heap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which collections, as JDK 17 and 25 name them, trace the whole long-lived pool. */
class CollectionKindsTest {

    @Test
    void fullCollectionsAndZgcCyclesCollectTheWholePool() {
        assertTrue(CollectionKinds.collectsWholePool("G1 Old Generation", "end of major GC"));
        assertTrue(CollectionKinds.collectsWholePool("PS MarkSweep", "end of major GC"));
        assertTrue(CollectionKinds.collectsWholePool("MarkSweepCompact", "end of major GC"));
        assertTrue(CollectionKinds.collectsWholePool("ZGC Cycles", "end of GC cycle"));
        assertTrue(CollectionKinds.collectsWholePool("ZGC Major Cycles", "end of GC cycle"));
        assertTrue(CollectionKinds.collectsWholePool("Shenandoah Cycles", "end of GC cycle"));
    }

    @Test
    void youngAndMixedCollectionsAndMarkingPausesDoNot() {
        assertFalse(CollectionKinds.collectsWholePool("G1 Young Generation", "end of minor GC"));
        assertFalse(CollectionKinds.collectsWholePool("PS Scavenge", "end of minor GC"));
        assertFalse(CollectionKinds.collectsWholePool("ZGC Minor Cycles", "end of GC cycle"));
        assertFalse(CollectionKinds.collectsWholePool("G1 Concurrent GC", "end of concurrent GC pause"));
        assertFalse(CollectionKinds.collectsWholePool(null, null));
    }
}
