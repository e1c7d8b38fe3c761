package io.leakwatch.heap;

import java.util.Locale;

/**
 * Which GC notifications report usage after a collection. Pause notifications (ZGC's "Pauses" beans,
 * G1's "Concurrent GC" on JDK 20 and later) carry zeros or the usage of the moment instead.
 */
final class CollectionKinds {

    private CollectionKinds() {
    }

    static boolean reportsUsageAfterCollection(String action) {
        return action == null || !action.toLowerCase(Locale.ROOT).contains("pause");
    }
}
