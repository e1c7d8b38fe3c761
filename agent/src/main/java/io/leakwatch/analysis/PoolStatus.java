package io.leakwatch.analysis;

import java.util.OptionalDouble;

/**
 * Where one long-lived heap pool stands after the latest sampler pass, for the exported metrics: a view of
 * the pool's latest {@link HeapProjection}, under the names the export code uses.
 */
public final class PoolStatus {

    private final HeapProjection projection;

    PoolStatus(HeapProjection projection) {
        this.projection = projection;
    }

    /** As the JVM names it, e.g. {@code G1 Old Gen}. */
    public String pool() {
        return projection.pool();
    }

    public long liveAfterGc() {
        return projection.usedAfterGc();
    }

    public long max() {
        return projection.max();
    }

    /** Present only while the pool's live set is rising. */
    public OptionalDouble secondsToExhaustion() {
        return projection.secondsToExhaustion();
    }
}
