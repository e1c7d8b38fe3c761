package io.leakwatch.track;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;

/**
 * The one retained-bytes estimate per site that alerts, exported metrics and the samples file all report:
 * refreshed on the sampler thread no more often than the given period (an estimate walks the container's
 * entries), taken afresh when an alert is raised, and read from any thread.
 */
public final class RetainedEstimates {

    private static final long NONE = -1;

    private final IntFunction<OptionalLong> estimator;
    private final long refreshMillis;
    private final AtomicLongArray bytes;
    private final AtomicLongArray takenAtMillis;

    public RetainedEstimates(IntFunction<OptionalLong> estimator, long refreshMillis, int maxSites) {
        this.estimator = estimator;
        this.refreshMillis = refreshMillis;
        this.bytes = new AtomicLongArray(maxSites);
        this.takenAtMillis = new AtomicLongArray(maxSites);
        for (int i = 0; i < maxSites; i++) {
            bytes.set(i, NONE);
            takenAtMillis.set(i, Long.MIN_VALUE);
        }
    }

    /** Estimates the site again if its latest estimate is older than the period. */
    public void refresh(int siteId, long nowMillis) {
        long takenAt = takenAtMillis.get(siteId);
        if (takenAt != Long.MIN_VALUE && nowMillis - takenAt < refreshMillis) {
            return;
        }
        takenAtMillis.set(siteId, nowMillis);
        estimator.apply(siteId).ifPresent(estimate -> bytes.set(siteId, estimate));
    }

    /** Estimates the site now, whatever the period (an alert is being raised), and keeps it as the latest. */
    public OptionalLong estimateNow(int siteId, long nowMillis) {
        takenAtMillis.set(siteId, nowMillis);
        OptionalLong estimate = estimator.apply(siteId);
        estimate.ifPresent(value -> bytes.set(siteId, value));
        return estimate;
    }

    /** When the site was last estimated (or tried), in {@link #refresh}'s clock; {@code Long.MIN_VALUE} if never. */
    public long takenAtMillis(int siteId) {
        return takenAtMillis.get(siteId);
    }

    public OptionalLong latest(int siteId) {
        long value = bytes.get(siteId);
        return value == NONE ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
