package io.leakwatch.track;

/** Skips sites whose containers failed or were slow, for a number of passes that doubles each time. */
final class SiteBackoff {

    private final int[] passesToSkip;
    private final int[] nextPenalty;
    private final int firstPenalty;
    private final int maxPenalty;

    SiteBackoff(int maxSites, int firstPenalty, int maxPenalty) {
        this.passesToSkip = new int[maxSites];
        this.nextPenalty = new int[maxSites];
        this.firstPenalty = firstPenalty;
        this.maxPenalty = maxPenalty;
    }

    /** True while the site is being skipped; counts the pass. */
    boolean skip(int siteId) {
        if (passesToSkip[siteId] > 0) {
            passesToSkip[siteId]--;
            return true;
        }
        return false;
    }

    void fail(int siteId) {
        int penalty = nextPenalty[siteId] == 0 ? firstPenalty : nextPenalty[siteId];
        passesToSkip[siteId] = penalty;
        nextPenalty[siteId] = Math.min(penalty * 2, maxPenalty);
    }
}
