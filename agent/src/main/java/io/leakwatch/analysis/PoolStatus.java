package io.leakwatch.analysis;

import java.util.OptionalDouble;

/** Where one long-lived heap pool stands after the latest sampler pass, for the exported metrics. */
public final class PoolStatus {

    private final String pool;
    private final long liveAfterGc;
    private final long max;
    private final OptionalDouble secondsToExhaustion;

    PoolStatus(HeapProjection projection) {
        this.pool = projection.pool();
        this.liveAfterGc = projection.usedAfterGc();
        this.max = projection.max();
        this.secondsToExhaustion = projection.secondsToExhaustion();
    }

    /** As the JVM names it, e.g. {@code G1 Old Gen}. */
    public String pool() {
        return pool;
    }

    public long liveAfterGc() {
        return liveAfterGc;
    }

    public long max() {
        return max;
    }

    /** Present only while the pool's live set is rising. */
    public OptionalDouble secondsToExhaustion() {
        return secondsToExhaustion;
    }
}
