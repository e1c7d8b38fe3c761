package io.leakwatch.heap;

import java.util.Locale;

/**
 * What a GC notification says about the long-lived pools, judged from the collector's name and action.
 * Pause notifications (ZGC's "Pauses" beans, G1's "Concurrent GC" on JDK 20 and later) carry zeros or
 * the usage of the moment instead of usage after a collection.
 */
final class CollectionKinds {

    private CollectionKinds() {
    }

    static boolean reportsUsageAfterCollection(String action) {
        return action == null || !action.toLowerCase(Locale.ROOT).contains("pause");
    }

    /**
     * True when the collection traced the whole long-lived pool and freed what it found dead there, so
     * that the usage after it is that pool's live set (plus what was promoted meanwhile), even when it
     * freed nothing: full collections ("end of major GC": G1, Parallel, Serial), ZGC's cycles on JDK 17
     * and its major cycles on JDK 21 and later, Shenandoah's cycles. A young collection, and G1's mixed
     * collections (reported by the young collector, only part of the old regions), are not; nor is the
     * end of G1's concurrent marking, whose usage still holds the garbage the mixed collections free later.
     */
    static boolean collectsWholePool(String gcName, String action) {
        String name = gcName == null ? "" : gcName.toLowerCase(Locale.ROOT);
        String what = action == null ? "" : action.toLowerCase(Locale.ROOT);
        if (what.contains("major") || name.contains("major")) {
            return true;
        }
        return name.endsWith(" cycles") && !name.contains("minor");
    }
}
