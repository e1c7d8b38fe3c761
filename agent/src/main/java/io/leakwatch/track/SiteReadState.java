package io.leakwatch.track;

import io.leakwatch.config.LeakwatchConfig;

/**
 * What the sampler remembers about reading one container site from one pass to the next: how many passes the
 * site is still skipped after a failed or slow read, the nested elements it last counted and when to look into
 * its values again, whether its last pass read a live container, and its latest retained-bytes estimate. Created
 * at the site's first pass and used only by the sampler thread, so its fields are plain; the application
 * threads' state of the site is {@link TrackedSite}'s.
 */
final class SiteReadState {

    private final DoublingSkips failedReads = new DoublingSkips(LeakwatchConfig.FIRST_FAILED_READ_SKIPPED_PASSES,
            LeakwatchConfig.MAX_FAILED_READ_SKIPPED_PASSES);
    private final DoublingSkips nestedProbes = new DoublingSkips(1, LeakwatchConfig.MAX_SKIPPED_NESTED_PROBES);
    private final SiteEstimate estimate = new SiteEstimate();
    private long lastNested;
    private boolean sawAlive;
    private int largestSlot = -1;

    /** Whether the site is backed off now, without counting a pass: nothing else may read it either. */
    boolean backedOff() {
        return failedReads.active();
    }

    /** True while the site is backed off; counts the pass. */
    boolean skipThisPass() {
        return failedReads.skipThisPass();
    }

    /** A read of the site threw or was slow: it is skipped for passes that double with each failure in a row. */
    void readFailed() {
        failedReads.miss();
    }

    /**
     * The site was read without failure: its next failure starts again from the first penalty, so that one slow
     * phase does not silence a site for hours.
     */
    void readWell() {
        failedReads.hit();
    }

    /** The nested elements last counted, standing in when a pass cannot count them (budget spent, change). */
    long lastNested() {
        return lastNested;
    }

    void rememberNested(long nested) {
        lastNested = nested;
    }

    /** Whether this pass looks into the values of the site's containers; counts the pass when it does not. */
    boolean probesNestedValues() {
        return !nestedProbes.skipThisPass();
    }

    /**
     * What looking into the values found: none a container (a map of numbers) leaves the site unprobed for passes
     * that double, up to {@link LeakwatchConfig#MAX_SKIPPED_NESTED_PROBES}, while it stays so; a container among
     * them looks again at every pass.
     */
    void probedNestedValues(boolean foundContainers) {
        if (foundContainers) {
            nestedProbes.hit();
        } else {
            nestedProbes.miss();
        }
    }

    /** This pass read a live container of the site. */
    void sawAlive() {
        sawAlive = true;
    }

    /**
     * This pass found none of the site's containers alive. Returns whether the site now reads as empty: not if a
     * live container was read since the last pass that found none, since a field re-assigned with copies has a
     * live one that the next writes register.
     */
    boolean foundNoneAlive() {
        boolean empty = !sawAlive;
        sawAlive = false;
        return empty;
    }

    /** The slot of the container the last pass that read the site found largest, or -1: what an estimate walks. */
    int largestSlot() {
        return largestSlot;
    }

    void rememberLargestSlot(int slot) {
        largestSlot = slot;
    }

    /** The site's latest retained-bytes estimate, kept by {@link RetainedEstimates}. */
    SiteEstimate estimate() {
        return estimate;
    }
}
