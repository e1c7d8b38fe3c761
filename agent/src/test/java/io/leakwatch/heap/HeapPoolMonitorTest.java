package io.leakwatch.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * What the monitor keeps of each collection: the usage after it, as the notification reports it, of the heap
 * pools that hold long-lived objects, whether it reclaimed from them and whether it collected all of them.
 * Notifications are fabricated ({@link FabricatedGc}) and handed to {@link GcNotifications} as the JVM would.
 */
class HeapPoolMonitorTest {

    private static final long GIB = 1L << 30;

    private final GcNotifications notifications = new GcNotifications();
    private final AtomicLong clock = new AtomicLong(5_000);
    private final HeapPoolMonitor monitor = new HeapPoolMonitor(clock::get);

    @Test
    void poolNamesOfEveryCollectorAreToldApart() {
        for (String longLived : List.of("G1 Old Gen", "PS Old Gen", "Tenured Gen", "CMS Old Gen", "ZHeap",
                "ZGC Old Generation", "Shenandoah", "Shenandoah Old Gen")) {
            assertTrue(LongLivedPools.holdsLongLivedObjects(longLived), longLived);
        }
        for (String young : List.of("G1 Eden Space", "G1 Survivor Space", "PS Eden Space", "PS Survivor Space",
                "Eden Space", "Survivor Space", "Par Eden Space", "ZGC Young Generation", "Shenandoah Young Gen",
                "nursery-allocated")) {
            assertFalse(LongLivedPools.holdsLongLivedObjects(young), young);
        }
    }

    @Test
    void watchesThisJvmsLongLivedHeapPoolsAndNoYoungOne() {
        List<String> watched = monitor.start(notifications);

        assertFalse(watched.isEmpty());
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName().toLowerCase(Locale.ROOT);
            boolean young = name.contains("eden") || name.contains("survivor") || name.contains("young");
            if (pool.getType() != MemoryType.HEAP || young) {
                assertFalse(watched.contains(pool.getName()), pool.getName());
            } else {
                assertTrue(watched.contains(pool.getName()), pool.getName());
            }
        }
    }

    @Test
    void theUsageAfterACollectionIsTheNotificationsNotTheLiveUsage() {
        List<String> watched = monitor.start(notifications);
        FabricatedGc gc = FabricatedGc.of("G1 Young Generation", "end of minor GC");
        for (int i = 0; i < watched.size(); i++) {
            gc.pool(watched.get(i), 7_000 + i, 5_000 + i, GIB + i);
        }
        List<String> youngPools = youngHeapPools();
        for (String young : youngPools) {
            gc.pool(young, 3_000_000, 0, GIB);
        }
        notifications.handleNotification(gc.notification(), null);

        List<PoolUsageAfterGc> drained = monitor.drainUsages();
        assertEquals(watched.size(), drained.size(), "one usage per long-lived pool, none of " + youngPools);
        for (int i = 0; i < watched.size(); i++) {
            PoolUsageAfterGc usage = drained.get(i);
            assertEquals(watched.get(i), usage.poolName());
            assertEquals(5_000 + i, usage.usedAfterGc());
            assertEquals(GIB + i, usage.max());
            assertEquals(5_000, usage.timeMillis());
            assertTrue(usage.reclaimed(), "it went from 7000 to 5000 bytes");
            assertFalse(usage.wholePoolCollected(), "a young collection");
        }
        assertEquals(List.of(), monitor.drainUsages(), "drained once");
    }

    @Test
    void aReclaimIsAShrinkInTheCollectionOrSinceThePreviousOneAndAFullCollectionIsMarked() {
        String old = monitor.start(notifications).get(0);
        notifications.handleNotification(FabricatedGc.of("G1 Young Generation", "end of minor GC")
                .pool(old, 1_000, 3_000, -1).notification(), null);
        clock.set(6_000);
        notifications.handleNotification(FabricatedGc.of("G1 Young Generation", "end of minor GC")
                .pool(old, 2_000, 2_500, -1).notification(), null);
        clock.set(7_000);
        notifications.handleNotification(FabricatedGc.of("G1 Old Generation", "end of major GC")
                .pool(old, 2_500, 2_500, -1).notification(), null);
        clock.set(8_000);
        notifications.handleNotification(FabricatedGc.of("G1 Young Generation", "end of minor GC")
                .pool(old, 2_500, 1_500, -1).notification(), null);

        List<PoolUsageAfterGc> drained = monitor.drainUsages();
        assertEquals(List.of(3_000L, 2_500L, 2_500L, 1_500L),
                drained.stream().map(PoolUsageAfterGc::usedAfterGc).toList());
        assertEquals(List.of(5_000L, 6_000L, 7_000L, 8_000L), drained.stream().map(PoolUsageAfterGc::timeMillis).toList());
        assertEquals(List.of(false, true, false, true), drained.stream().map(PoolUsageAfterGc::reclaimed).toList(),
                "promotion only; 500 bytes freed between the two; nothing freed; a mixed collection freed 1000");
        assertEquals(List.of(false, false, true, false),
                drained.stream().map(PoolUsageAfterGc::wholePoolCollected).toList());
        assertEquals(Runtime.getRuntime().maxMemory(), drained.get(0).max(), "an undefined max is the heap's");
    }

    @Test
    void pauseNotificationsAreIgnored() {
        String old = monitor.start(notifications).get(0);
        notifications.handleNotification(FabricatedGc.of("ZGC Major Pauses", "end of GC pause")
                .pool(old, 9_000, 0, GIB).notification(), null);
        assertEquals(List.of(), monitor.drainUsages());
    }

    @Test
    void undrainedUsagesAreBoundedAndTheOldestGoFirst() {
        String old = monitor.start(notifications).get(0);
        for (int i = 0; i < 1_100; i++) {
            notifications.handleNotification(FabricatedGc.of("G1 Young Generation", "end of minor GC")
                    .pool(old, 100_000, i, GIB).notification(), null);
        }
        List<PoolUsageAfterGc> drained = monitor.drainUsages();
        assertEquals(1_024, drained.size());
        assertEquals(1_100 - 1_024, drained.get(0).usedAfterGc());
        assertEquals(1_099, drained.get(drained.size() - 1).usedAfterGc());
    }

    private static List<String> youngHeapPools() {
        List<String> young = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && !LongLivedPools.holdsLongLivedObjects(pool.getName())) {
                young.add(pool.getName());
            }
        }
        return young;
    }
}
