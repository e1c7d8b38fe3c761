package io.leakwatch.heap;

import java.util.Optional;

/**
 * One long-lived heap pool as collections leave it: turns what a collection notification says of the pool into its
 * usage after that collection, judging whether it reclaimed from the pool by comparing with the usage the previous
 * collection left. Used by one thread at a time (the JVM's notification thread, or a test replaying a trace).
 */
public final class WatchedPool {

    private static final long NONE = -1;

    private final String name;
    /** The usage after the previous collection, or {@link #NONE}. */
    private long previousUsedAfter = NONE;

    public WatchedPool(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * The pool's usage after a collection, or empty when the notification carries no such usage (a pause's, whose
     * usage is of the moment) or the pool has no maximum.
     *
     * @param max the pool's maximum after the collection; negative when undefined, then the heap's is used
     */
    public Optional<PoolUsageAfterGc> collected(long nowMillis, String gcName, String gcAction, long usedBefore,
            long usedAfter, long max) {
        if (!CollectionKinds.reportsUsageAfterCollection(gcAction) || max == 0) {
            return Optional.empty();
        }
        // Freed by this collection, or since the previous one: on JDK 17 G1's remark and cleanup free wholly empty
        // old regions, and report nothing.
        boolean reclaimed = usedAfter < usedBefore || previousUsedAfter != NONE && usedBefore < previousUsedAfter;
        previousUsedAfter = usedAfter;
        return Optional.of(new PoolUsageAfterGc(name, nowMillis, usedAfter,
                max > 0 ? max : Runtime.getRuntime().maxMemory(), reclaimed,
                CollectionKinds.collectsWholePool(gcName, gcAction)));
    }
}
