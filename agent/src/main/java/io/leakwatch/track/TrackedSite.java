package io.leakwatch.track;

import java.lang.ref.WeakReference;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import io.leakwatch.bootstrap.LeakwatchBridge;

/**
 * The few containers, held weakly, that were written to one field site. A high-churn site keeps only
 * a sample; while it is full, a countdown lets most writes return at once and only a few look further.
 */
final class TrackedSite {

    private final int siteId;
    private final AtomicReferenceArray<WeakReference<Object>> slots;
    private volatile boolean full;
    /** The registry's collection count when the slots were last looked at for a collected container; racy. */
    private int lookedAtCollection = -1;
    /**
     * Per stripe of threads and site, writes still to let pass without a look, counted down by whoever hands writes
     * over (the bridge): plain and racy on purpose, one array per stripe. This site sets its own entry in the
     * looking thread's stripe, and clears it in all of them.
     */
    private final int[][] writesToLetPass;
    /** Per site, non-zero while every write passes unexamined (the bridge's pauses); this site's entry is its own. */
    private final byte[] paused;
    /**
     * Per site, the reference to the container last registered or found held here (the bridge's): writes of it pass
     * at once. This site's entry is its own: always the reference in one of its slots, or one the GC has cleared
     * (then it matches no container); a container that loses its slot to an offer is not named any more, since the
     * container taking the slot is named instead. Racy on purpose: a look that found a container held just before
     * an offer gave its slot away may name it again, and then its writes pass as if looked at, until the next
     * registration or look at the site names another.
     */
    private final WeakReference<?>[] lastHeld;
    /** The longest pause the next look that finds the site still full may set; doubles each time. */
    private int backOff;
    /**
     * The slot that the next look finding this site full may give to the container being written, or -1: chosen by
     * the sampler each pass (the slot whose container read smallest, never the largest) and taken at most once.
     * Without it a field re-assigned with ever bigger copies (copy-on-write) keeps the few copies that took slots
     * after the last collection, stale, and never the newer ones; a long-lived large container keeps its slot.
     */
    private volatile int offeredSlot = -1;

    TrackedSite(int siteId, int capacity, int[][] writesToLetPass, byte[] paused, WeakReference<?>[] lastHeld) {
        this.siteId = siteId;
        this.writesToLetPass = writesToLetPass;
        this.paused = paused;
        this.lastHeld = lastHeld;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    int siteId() {
        return siteId;
    }

    /**
     * A look found nothing to do (the site full with no collected container to replace, or the container held
     * already): the next writes, between half and all of the back-off, pass unexamined, and the back-off doubles,
     * up to {@code maxUnexamined} (one less than a power of two). A churning site reaches the maximum in about ten
     * looks. Returns false when the back-off was at the maximum already.
     */
    boolean backOff(int maxUnexamined) {
        int limit = backOff;
        // Between half and all of the back-off, at random, so that the looks do not fall into step with a periodic
        // pattern of writes (every 16th write the same long-lived list, say) and miss it for ever. The looking
        // thread's own random number: no state here that every looking thread would store to.
        int half = limit >>> 1;
        writesToLetPass[LeakwatchBridge.currentStripe()][siteId] =
                limit - (ThreadLocalRandom.current().nextInt() & half);
        int next = Math.min(limit * 2 + 1, maxUnexamined);
        if (next != limit) {
            // At the maximum a look stores nothing here, and the site's line stays in every core's cache.
            backOff = next;
            return true;
        }
        return false;
    }

    /**
     * Every write passes unexamined, at the cost of one load, until {@link #lookAtEveryWrite}, an offered slot or
     * the registry's resumption after a collection: for a full site that has backed off as far as it goes, whose
     * looks would find nothing before one of those.
     */
    void pause() {
        paused[siteId] = 1;
    }

    /**
     * A slot was found free or taken: every thread examines writes again one by one, the back-off starts again from
     * zero. Rare (a registration, or a collection that freed a slot), so the stores to every stripe cost nothing.
     */
    void lookAtEveryWrite() {
        for (int[] stripe : writesToLetPass) {
            stripe[siteId] = 0;
        }
        backOff = 0;
        paused[siteId] = 0;
    }

    /** Read when a write is examined: true means nothing more can be taken here for now. */
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
                lookAtEveryWrite();
                return true;
            }
        }
        return false;
    }

    /** Lock-free and allocation-free: whether this very container is tracked already. */
    boolean holds(Object container) {
        return referenceTo(container) != null;
    }

    /**
     * A look found {@code container} held already: from now on the bridge lets its writes pass at once, without
     * counting them down, so that the countdown, and the chance to be looked at, is left to the other containers
     * written here. Returns false when it is not held.
     */
    boolean rememberIfHeld(Object container) {
        WeakReference<Object> held = referenceTo(container);
        if (held == null) {
            return false;
        }
        lastHeld[siteId] = held;
        return true;
    }

    private WeakReference<Object> referenceTo(Object container) {
        for (int i = 0; i < slots.length(); i++) {
            WeakReference<Object> slot = slots.get(i);
            if (slot != null && slot.get() == container) {
                return slot;
            }
        }
        return null;
    }

    /** A container took {@code slot}: the newest registration is the likeliest to be written again. */
    private void take(int slot, Object container) {
        WeakReference<Object> reference = new WeakReference<>(container);
        slots.set(slot, reference);
        lastHeld[siteId] = reference;
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
                take(i, container);
                return AddResult.ADDED;
            }
        }
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i).get() == null) {
                take(i, container);
                return AddResult.REPLACED_COLLECTED;
            }
        }
        full = true;
        return AddResult.FULL;
    }

    /** Sampler thread: the slot a look at this full site may hand over, or -1 for none. */
    void offerSlot(int index) {
        offeredSlot = index;
        if (index >= 0) {
            // The next write may take it.
            paused[siteId] = 0;
        }
    }

    /**
     * At a look that found the site full and nothing collected: the container takes the slot the sampler offered,
     * if any and if it is not held already. The lock is taken only when a slot is on offer, at most once per pass.
     */
    boolean takeOfferedSlot(Object container) {
        if (offeredSlot < 0) {
            return false;
        }
        synchronized (this) {
            int index = offeredSlot;
            if (index < 0 || holds(container)) {
                return false;
            }
            offeredSlot = -1;
            take(index, container);
            return true;
        }
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
            lookAtEveryWrite();
        }
        return freed;
    }

    /** The container in {@code slot} if it is still alive, else null; the caller must not keep it. */
    Object liveAt(int slot) {
        WeakReference<Object> reference = slot >= 0 && slot < slots.length() ? slots.get(slot) : null;
        return reference == null ? null : reference.get();
    }

    /** Hands each live container to {@code visitor}; the strong reference lasts only for the call. */
    void forEachLive(Consumer<Object> visitor) {
        forEachLiveSlot((slot, container) -> visitor.accept(container));
    }

    /** As {@link #forEachLive}, with the slot each container is in. */
    void forEachLiveSlot(SlotVisitor visitor) {
        for (int i = 0; i < slots.length(); i++) {
            WeakReference<Object> slot = slots.get(i);
            Object container = slot == null ? null : slot.get();
            if (container != null) {
                visitor.visit(i, container);
            }
        }
    }

    /** How many containers the site holds at most: it offers a slot only while all of them are read. */
    int capacity() {
        return slots.length();
    }

    /** Told of one live container and its slot. */
    interface SlotVisitor {
        void visit(int slot, Object container);
    }
}
