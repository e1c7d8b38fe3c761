package io.leakwatch.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples of one pool: a heap pool's live bytes after GC, or what a pool outside the heap uses; with its
 * maximum and the projection of the latest sample, when there is one.
 */
public final class PoolSamples {

    private final String kind;
    private final String pool;
    private final List<Point> used = new ArrayList<>();
    private Double max;
    private Double latestSecondsToExhaustion;

    PoolSamples(String kind, String pool) {
        this.kind = kind;
        this.pool = pool;
    }

    void add(long timeMillis, long usedBytes, Double maxBytes, Double secondsToExhaustion) {
        used.add(new Point(timeMillis, usedBytes));
        if (maxBytes != null) {
            max = maxBytes;
        }
        latestSecondsToExhaustion = secondsToExhaustion;
    }

    /** {@code heap}, {@code metaspace} or {@code direct}. */
    public String kind() {
        return kind;
    }

    public String pool() {
        return pool;
    }

    public List<Point> used() {
        return used;
    }

    /** The latest maximum sampled; null when the pool has none. */
    public Double max() {
        return max;
    }

    /** As of the latest sample; null when the pool was not rising then. */
    public Double latestSecondsToExhaustion() {
        return latestSecondsToExhaustion;
    }
}
