package io.leakwatch.track;

/**
 * Skips sites whose containers failed or were slow, for a number of passes that doubles with each
 * failure in a row; a pass that reads the site well forgets the penalty, so one slow phase does not
 * silence a site for hours.
 */
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

    /** The site was read without failure: its next failure starts again from the first penalty. */
    void succeed(int siteId) {
        nextPenalty[siteId] = 0;
    }
}
