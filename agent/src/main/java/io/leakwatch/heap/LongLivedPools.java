package io.leakwatch.heap;

import java.util.List;
import java.util.Locale;

/** Tells the heap pools that hold long-lived objects, and so can fill, from young-generation pools. */
final class LongLivedPools {

    private static final List<String> YOUNG_POOL_WORDS = List.of("eden", "survivor", "young", "nursery");

    private LongLivedPools() {
    }

    /** True for G1 Old Gen, PS Old Gen, Tenured Gen, ZHeap, ZGC Old Generation, Shenandoah and the like. */
    static boolean holdsLongLivedObjects(String poolName) {
        String lower = poolName.toLowerCase(Locale.ROOT);
        for (String word : YOUNG_POOL_WORDS) {
            if (lower.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
