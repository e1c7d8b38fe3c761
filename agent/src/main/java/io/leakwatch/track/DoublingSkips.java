package io.leakwatch.track;

/**
 * Passes to skip that double with each miss in a row, from a first count up to a cap; a hit starts the next miss
 * from the first count again. The sampler's back-offs (a site whose read failed, values that hold no container)
 * are each one of these. Sampler thread only.
 */
final class DoublingSkips {

    private final int first;
    private final int max;
    private int left;
    private int next;

    DoublingSkips(int first, int max) {
        this.first = first;
        this.max = max;
    }

    /** Whether passes are still to be skipped, without counting one. */
    boolean active() {
        return left > 0;
    }

    /** True while passes are to be skipped; counts the pass. */
    boolean skipThisPass() {
        if (left > 0) {
            left--;
            return true;
        }
        return false;
    }

    /** Skips the next passes: the first count, or twice the last one, up to the cap. */
    void miss() {
        int skips = next == 0 ? first : next;
        left = skips;
        next = Math.min(skips * 2, max);
    }

    /** The next miss skips the first count again. */
    void hit() {
        next = 0;
    }
}
