package io.leakwatch.track;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.leakwatch.bootstrap.FieldWriteHandler;
import io.leakwatch.bootstrap.LeakwatchBridge;
import io.leakwatch.config.LeakwatchConfig;

/**
 * Every container written to an instrumented field, held weakly, a few per site and a bounded number
 * in all. Application threads call {@link #onFieldWrite}; only the sampler thread reads and prunes.
 * A full site is normal sampling, not lost data: it is shown as a gauge, and only registrations refused
 * because the whole registry is full are counted as dropped.
 */
public final class ContainerRegistry implements FieldWriteHandler {

    private final AtomicReferenceArray<TrackedSite> sites;
    /**
     * Per stripe of threads and site, writes to let pass unexamined: the bridge's countdowns in the agent, an array of
     * its own in tests.
     */
    private final int[][] writesToLetPass;
    /** Per site, non-zero while every write passes unexamined: the bridge's pauses in the agent. */
    private final byte[] paused;
    /** Per site, the container whose writes pass at once, held already: the bridge's last held in the agent. */
    private final WeakReference<?>[] lastHeld;
    private final int instancesPerSite;
    private final int maxTrackedInstances;
    private final int maxUnexaminedWrites;
    private final AtomicInteger trackedInstances = new AtomicInteger();
    private final AtomicInteger highestSiteId = new AtomicInteger(-1);
    private final LongAdder droppedRegistrations = new LongAdder();
    /** First sightings that took a slot: counted off the hot path, where a registration already takes a lock. */
    private final LongAdder registrations = new LongAdder();
    private volatile int fullSites;
    /** Cleared by the next collection after it is set; then re-armed and {@link #collections} moves on. */
    private volatile WeakReference<Object> collectionCanary = new WeakReference<>(new Object());
    private volatile int collections;
    /**
     * Looks at full sites that found nothing to take. Counted only there, where the back-off makes it rare, so that
     * writes to sites with room share no counter; an adder, because a plain field that every looking thread stored to
     * passed the registry's cache line from core to core.
     */
    private final LongAdder fullSiteLooks = new LongAdder();

    public ContainerRegistry(int maxSites, int instancesPerSite, int maxTrackedInstances) {
        this(maxSites, instancesPerSite, maxTrackedInstances, LeakwatchConfig.MAX_UNEXAMINED_WRITES_PER_FULL_SITE);
    }

    /**
     * A registry whose full sites set their countdowns in {@code writesToLetPass}, one array per stripe of threads
     * and in each one countdown per site (its length is the number of sites): the bridge's, which lets most writes to
     * a full site return before any call to this class; whose full, churning sites pause in {@code paused}, one
     * byte per site: the bridge's, which lets every write to a paused site pass after one load; and whose sites name
     * in {@code lastHeld}, one per site, the container whose writes the bridge lets pass because it is held already.
     */
    public ContainerRegistry(int[][] writesToLetPass, byte[] paused, WeakReference<?>[] lastHeld,
            int instancesPerSite, int maxTrackedInstances) {
        this(writesToLetPass, paused, lastHeld, instancesPerSite, maxTrackedInstances,
                LeakwatchConfig.MAX_UNEXAMINED_WRITES_PER_FULL_SITE);
    }

    ContainerRegistry(int maxSites, int instancesPerSite, int maxTrackedInstances, int maxUnexaminedWrites) {
        this(new int[LeakwatchBridge.STRIPES][maxSites], new byte[maxSites], new WeakReference<?>[maxSites],
                instancesPerSite, maxTrackedInstances, maxUnexaminedWrites);
    }

    private ContainerRegistry(int[][] writesToLetPass, byte[] paused, WeakReference<?>[] lastHeld,
            int instancesPerSite, int maxTrackedInstances, int maxUnexaminedWrites) {
        this.writesToLetPass = writesToLetPass;
        this.paused = paused;
        this.lastHeld = lastHeld;
        this.sites = new AtomicReferenceArray<>(writesToLetPass[0].length);
        this.instancesPerSite = instancesPerSite;
        this.maxTrackedInstances = maxTrackedInstances;
        this.maxUnexaminedWrites = maxUnexaminedWrites;
    }

    /**
     * A write the site's countdown did not let pass. In the agent the bridge has let pass what it can already (a
     * paused site, the container last held, a countdown that runs) and calls this only for the rest; the same checks
     * here serve callers without the bridge (tests).
     */
    @Override
    public void onFieldWrite(Object container, int siteId) {
        if (siteId < 0 || siteId >= sites.length() || paused[siteId] != 0) {
            return;
        }
        WeakReference<?> held = lastHeld[siteId];
        if (held != null && held.get() == container) {
            return;
        }
        int[] countdowns = writesToLetPass[LeakwatchBridge.currentStripe()];
        int left = countdowns[siteId];
        if (left > 0) {
            countdowns[siteId] = left - 1;
            return;
        }
        examine(container, siteId, sites.get(siteId));
    }

    /**
     * A write the countdown let through: a full site looks for a collected slot once per collection and else
     * backs off; a site with room registers a container it does not hold yet, and backs off a little on one it holds.
     */
    private void examine(Object container, int siteId, TrackedSite existing) {
        TrackedSite site = existing;
        if (site == null) {
            site = createSite(siteId);
        } else if (site.isFull() && !site.hasCollectedSlot(collectionsSoFar())) {
            // The newest write, not the containers registered after the last collection, is what a field
            // re-assigned with copies holds now: it takes the slot the sampler offered, once per pass.
            if (site.takeOfferedSlot(container)) {
                registrations.increment();
            }
            if (!site.backOff(maxUnexaminedWrites)) {
                // Backed off as far as it goes: until the next collection, offer or registration, the looks would
                // find nothing, and a paused write stores nothing (the countdown stores at every write).
                site.pause();
            }
            fullSiteLooks.increment();
            return;
        }
        if (site.rememberIfHeld(container)) {
            // Written again, nothing to learn: the bridge now lets its writes pass at once. The next few writes of
            // others pass unexamined as well, so that two containers set in turn do not search the slots each time.
            site.backOff(LeakwatchConfig.MAX_UNEXAMINED_REWRITES_OF_HELD);
            return;
        }
        register(site, container);
    }

    /**
     * A number that changes after every collection: a weakly held canary that the GC clears.
     * Racy on purpose: threads that find it cleared at once all re-arm it, and the count moves on.
     */
    private int collectionsSoFar() {
        if (collectionCanary.get() == null) {
            collectionCanary = new WeakReference<>(new Object());
            collections = collections + 1;
        }
        return collections;
    }

    private TrackedSite createSite(int siteId) {
        TrackedSite created = new TrackedSite(siteId, instancesPerSite, writesToLetPass, paused, lastHeld);
        if (!sites.compareAndSet(siteId, null, created)) {
            return sites.get(siteId);
        }
        raiseHighestSiteId(siteId);
        return created;
    }

    /** A plain compare-and-set loop: a method reference's first use would cost the first watched write a millisecond. */
    private void raiseHighestSiteId(int siteId) {
        int highest = highestSiteId.get();
        while (siteId > highest && !highestSiteId.compareAndSet(highest, siteId)) {
            highest = highestSiteId.get();
        }
    }

    /** A soft cap: concurrent first sightings may overshoot it by a few, never without bound. */
    private void register(TrackedSite site, Object container) {
        if (trackedInstances.get() >= maxTrackedInstances) {
            droppedRegistrations.increment();
            return;
        }
        TrackedSite.AddResult added = site.add(container);
        if (added == TrackedSite.AddResult.ADDED) {
            trackedInstances.incrementAndGet();
        }
        if (added == TrackedSite.AddResult.ADDED || added == TrackedSite.AddResult.REPLACED_COLLECTED) {
            registrations.increment();
            site.lookAtEveryWrite();
        }
    }

    /**
     * After each collection (the JVM's notification thread) and at each sampler pass: the paused sites look again,
     * since a collection is what may have freed a slot, and the next write to each finds out. Stores only to the
     * sites that are paused.
     */
    public void resumePausedSites() {
        int highest = Math.min(highestSiteId.get(), paused.length - 1);
        for (int siteId = 0; siteId <= highest; siteId++) {
            if (paused[siteId] != 0) {
                paused[siteId] = 0;
            }
        }
    }

    /** Sampler thread: frees slots of collected containers, then visits every site that exists. */
    void forEachSite(Consumer<TrackedSite> visitor) {
        forEachSite(0, visitor);
    }

    /**
     * As {@link #forEachSite(Consumer)}, starting at site {@code firstId} and wrapping round, so that a per-pass
     * budget spent before the last sites is spent on them first in the next pass.
     */
    void forEachSite(int firstId, Consumer<TrackedSite> visitor) {
        // Each pass as well as each collection: without collection notifications (or after a pause that raced a
        // registration), a paused site waits one pass at most.
        resumePausedSites();
        int highest = highestSiteId.get();
        int count = highest + 1;
        int start = firstId >= 0 && firstId < count ? firstId : 0;
        int full = 0;
        for (int n = 0; n < count; n++) {
            int id = (start + n) % count;
            TrackedSite site = sites.get(id);
            if (site != null) {
                trackedInstances.addAndGet(-site.prune());
                if (site.isFull()) {
                    full++;
                }
                visitor.accept(site);
            }
        }
        fullSites = full;
    }

    TrackedSite site(int siteId) {
        return siteId >= 0 && siteId < sites.length() ? sites.get(siteId) : null;
    }

    /** Containers currently held (weakly). */
    public int trackedInstances() {
        return trackedInstances.get();
    }

    /** Writes to full sites that looked and found no slot to take, since start, for diagnosis. */
    public long fullSiteLooks() {
        return fullSiteLooks.sum();
    }

    /**
     * Containers that took a slot since start, counting those that took a collected one's or one the sampler
     * offered: a sign of churn.
     */
    public long registrations() {
        return registrations.sum();
    }

    /** Registrations refused because the registry as a whole held its maximum of containers: data lost. */
    public long droppedRegistrations() {
        return droppedRegistrations.sum();
    }

    /** Sites whose slots were all taken at the sampler's last pass: they sample, they do not track every container. */
    public int fullSites() {
        return fullSites;
    }
}
