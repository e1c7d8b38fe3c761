package io.leakwatch.track;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The few containers, held weakly, that were written to one field site. A high-churn site keeps only
 * a sample; the {@code full} flag lets the hot path return without looking further.
 */
final class TrackedSite {

    private final int siteId;
    private final AtomicReferenceArray<WeakReference<Object>> slots;
    private volatile boolean full;
    /** The registry's collection count when the slots were last looked at for a collected container; racy. */
    private int lookedAtCollection = -1;

    TrackedSite(int siteId, int capacity) {
        this.siteId = siteId;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    int siteId() {
        return siteId;
    }

    /** Read on every field write: true means nothing more can be taken here for now. */
    boolean isFull() {
        return full;
    }

    /**
     * On a write to a full site, once per collection: whether a slot's container has been collected,
     * so the write may take its place without waiting for the sampler's prune. Racy on purpose: two
     * threads may both look, and a look that misses leaves the site full until the prune, as before.
     */
    boolean hasCollectedSlot(int collection) {
        if (lookedAtCollection == collection) {
            return false;
        }
        lookedAtCollection = collection;
        for (int i = 0; i < slots.length(); i++) {
            WeakReference<Object> slot = slots.get(i);
            if (slot == null || slot.get() == null) {
                full = false;
                return true;
            }
        }
        return false;
    }

    /** Lock-free and allocation-free: whether this very container is tracked already. */
    boolean holds(Object container) {
        for (int i = 0; i < slots.length(); i++) {
            WeakReference<Object> slot = slots.get(i);
            if (slot != null && slot.get() == container) {
                return true;
            }
        }
        return false;
    }

    /** What {@link #add} did. */
    enum AddResult { ADDED, REPLACED_COLLECTED, ALREADY_HELD, FULL }

    /**
     * Takes a free slot for the container, or the slot of a collected one (which the prune would
     * otherwise free); when there is none the site is marked full.
     */
    synchronized AddResult add(Object container) {
        if (holds(container)) {
            return AddResult.ALREADY_HELD;
        }
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null) {
                slots.set(i, new WeakReference<>(container));
                return AddResult.ADDED;
            }
        }
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i).get() == null) {
                slots.set(i, new WeakReference<>(container));
                return AddResult.REPLACED_COLLECTED;
            }
        }
        full = true;
        return AddResult.FULL;
    }

    /** Frees the slots of containers the GC has collected; returns how many were freed. */
    synchronized int prune() {
        int freed = 0;
        for (int i = 0; i < slots.length(); i++) {
            WeakReference<Object> slot = slots.get(i);
            if (slot != null && slot.get() == null) {
                slots.set(i, null);
                freed++;
            }
        }
        if (freed > 0) {
            full = false;
        }
        return freed;
    }

    /** Hands each live container to {@code visitor}; the strong reference lasts only for the call. */
    void forEachLive(Consumer<Object> visitor) {
        for (int i = 0; i < slots.length(); i++) {
            WeakReference<Object> slot = slots.get(i);
            Object container = slot == null ? null : slot.get();
            if (container != null) {
                visitor.accept(container);
            }
        }
    }
}
