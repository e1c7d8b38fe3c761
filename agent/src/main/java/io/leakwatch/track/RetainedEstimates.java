package io.leakwatch.track;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The one retained-bytes estimate per site that alerts, exported metrics and the samples file all report, taken
 * during the pass on the sampler thread: for a site an alert is raised on, and for a reported site whose estimate
 * is older than the refresh period (an estimate walks the container's entries). Nothing reads it from another
 * thread: what export reads is the pass's report, which copies the estimates of its sites.
 */
public final class RetainedEstimates {

    private static final long NONE = -1;
    private static final long NEVER = Long.MIN_VALUE;

    private final IntFunction<OptionalLong> estimator;
    private final long refreshMillis;
    private final long[] bytes;
    private final long[] takenAtMillis;

    /** @param estimator what a site's container keeps alive now: {@link ContainerSampler#estimateRetainedBytes} */
    public RetainedEstimates(IntFunction<OptionalLong> estimator, long refreshMillis, int maxSites) {
        this.estimator = estimator;
        this.refreshMillis = refreshMillis;
        this.bytes = new long[maxSites];
        this.takenAtMillis = new long[maxSites];
        Arrays.fill(bytes, NONE);
        Arrays.fill(takenAtMillis, NEVER);
    }

    /** Estimates the site again if its latest estimate is older than the period. */
    public void refresh(int siteId, long nowMillis) {
        long takenAt = takenAtMillis[siteId];
        if (takenAt == NEVER || nowMillis - takenAt >= refreshMillis) {
            estimateNow(siteId, nowMillis);
        }
    }

    /**
     * Estimates the site now, whatever the period (an alert is being raised), and keeps it as the latest; empty
     * when it cannot be estimated now, in which case the latest stays the one before.
     */
    public OptionalLong estimateNow(int siteId, long nowMillis) {
        takenAtMillis[siteId] = nowMillis;
        OptionalLong estimate = estimator.apply(siteId);
        if (estimate.isPresent()) {
            bytes[siteId] = estimate.getAsLong();
        }
        return estimate;
    }

    /** Whether the site was estimated (or tried) at {@code nowMillis}, i.e. in the pass of that time. */
    public boolean takenAt(int siteId, long nowMillis) {
        return takenAtMillis[siteId] == nowMillis;
    }

    /** The latest estimate, however old; empty if none ever succeeded. */
    public OptionalLong latest(int siteId) {
        long value = bytes[siteId];
        return value == NONE ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
