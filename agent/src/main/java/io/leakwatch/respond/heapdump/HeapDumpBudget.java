package io.leakwatch.respond.heapdump;

/**
 * Decides whether a CRITICAL alert may have a heap dump: never while one is being written, and never sooner than
 * the minimum period after the last dump that paused the application. Several CRITICAL alerts of one leak (the
 * heap's and the container's, or the same one raised again) so get one dump. Thread-safe: the sampler thread
 * asks, the dump thread reports back.
 */
final class HeapDumpBudget {

    private final long minPeriodMillis;
    private boolean inProgress;
    private boolean dumpedBefore;
    private long lastDumpStartedMillis;

    HeapDumpBudget(long minPeriodMillis) {
        this.minPeriodMillis = minPeriodMillis;
    }

    /**
     * Takes the one slot for a dump started at {@code nowMillis}: true when no dump is in progress and the last
     * one started at least the minimum period ago. The caller must then call {@link #finished} exactly once.
     */
    synchronized boolean tryStart(long nowMillis) {
        if (inProgress || (dumpedBefore && nowMillis - lastDumpStartedMillis < minPeriodMillis)) {
            return false;
        }
        inProgress = true;
        return true;
    }

    /**
     * Gives the slot back. A dump that was called (written or not: the application paused either way) starts the
     * period at {@code startedMillis}; one refused before the call (no room on disk) does not, so a later
     * CRITICAL may try again.
     */
    synchronized void finished(boolean dumpWasCalled, long startedMillis) {
        inProgress = false;
        if (dumpWasCalled) {
            dumpedBefore = true;
            lastDumpStartedMillis = startedMillis;
        }
    }
}
