package io.leakwatch.respond.evidence;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Collections since the JVM started, as the platform MXBeans count them. Concurrent collectors' beans for
 * their pauses are left out: they count several pauses per collection.
 */
final class CollectionCount {

    private CollectionCount() {
    }

    static long sinceStart() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!collector.getName().endsWith("Pauses")) {
                total += Math.max(0, collector.getCollectionCount());
            }
        }
        return total;
    }
}
