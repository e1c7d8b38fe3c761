package io.leakwatch.track;

import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The one retained-bytes estimate per site that alerts, exported metrics and the samples file all report, taken
 * during the pass on the sampler thread: for a site an alert is raised on, and for a reported site whose estimate
 * is older than the refresh period (an estimate walks the container's entries). Each site's estimate is kept in
 * the sampler's state of that site. Nothing reads it from another thread: what export reads is the pass's report,
 * which copies the estimates of its sites.
 */
public final class RetainedEstimates {

    private final IntFunction<OptionalLong> estimator;
    private final IntFunction<SiteEstimate> estimates;
    private final long refreshMillis;

    /**
     * @param estimator what a site's container keeps alive now: {@link ContainerSampler#estimateRetainedBytes}
     * @param estimates where each site's latest estimate is kept: {@link ContainerSampler#estimateOf}
     */
    public RetainedEstimates(IntFunction<OptionalLong> estimator, IntFunction<SiteEstimate> estimates,
            long refreshMillis) {
        this.estimator = estimator;
        this.estimates = estimates;
        this.refreshMillis = refreshMillis;
    }

    /** Estimates of the sampler's sites, kept in its per-site state. */
    public static RetainedEstimates of(ContainerSampler sampler, long refreshMillis) {
        return new RetainedEstimates(sampler::estimateRetainedBytes, sampler::estimateOf, refreshMillis);
    }

    /** Estimates the site again if its latest estimate is older than the period. */
    public void refresh(int siteId, long nowMillis) {
        if (estimates.apply(siteId).isDue(nowMillis, refreshMillis)) {
            estimateNow(siteId, nowMillis);
        }
    }

    /**
     * Estimates the site now, whatever the period (an alert is being raised), and keeps it as the latest; empty
     * when it cannot be estimated now, in which case the latest stays the one before.
     */
    public OptionalLong estimateNow(int siteId, long nowMillis) {
        OptionalLong estimate = estimator.apply(siteId);
        estimates.apply(siteId).taken(nowMillis, estimate);
        return estimate;
    }

    /** Whether the site was estimated (or tried) at {@code nowMillis}, i.e. in the pass of that time. */
    public boolean takenAt(int siteId, long nowMillis) {
        return estimates.apply(siteId).takenAt(nowMillis);
    }

    /** The latest estimate, however old; empty if none ever succeeded. */
    public OptionalLong latest(int siteId) {
        return estimates.apply(siteId).latest();
    }
}
