package io.leakwatch.track;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.leakwatch.bootstrap.FieldWriteHandler;

/**
 * Every container written to an instrumented field, held weakly, a few per site and a bounded number
 * in all. Application threads call {@link #onFieldWrite}; only the sampler thread reads and prunes.
 */
public final class ContainerRegistry implements FieldWriteHandler {

    private final AtomicReferenceArray<TrackedSite> sites;
    private final int instancesPerSite;
    private final int maxTrackedInstances;
    private final AtomicInteger trackedInstances = new AtomicInteger();
    private final AtomicInteger highestSiteId = new AtomicInteger(-1);
    private final LongAdder droppedRegistrations = new LongAdder();

    public ContainerRegistry(int maxSites, int instancesPerSite, int maxTrackedInstances) {
        this.sites = new AtomicReferenceArray<>(maxSites);
        this.instancesPerSite = instancesPerSite;
        this.maxTrackedInstances = maxTrackedInstances;
    }

    /** The hot path: a bounds check, an array load and the site's saturation flag, before any work. */
    @Override
    public void onFieldWrite(Object container, int siteId) {
        if (siteId < 0 || siteId >= sites.length()) {
            return;
        }
        TrackedSite site = sites.get(siteId);
        if (site == null) {
            site = createSite(siteId);
        } else if (site.isFull()) {
            droppedRegistrations.increment();
            return;
        }
        if (site.holds(container)) {
            return;
        }
        register(site, container);
    }

    private TrackedSite createSite(int siteId) {
        TrackedSite created = new TrackedSite(siteId, instancesPerSite);
        if (!sites.compareAndSet(siteId, null, created)) {
            return sites.get(siteId);
        }
        highestSiteId.accumulateAndGet(siteId, Math::max);
        return created;
    }

    /** A soft cap: concurrent first sightings may overshoot it by a few, never without bound. */
    private void register(TrackedSite site, Object container) {
        if (trackedInstances.get() >= maxTrackedInstances) {
            droppedRegistrations.increment();
            return;
        }
        TrackedSite.AddResult result = site.add(container);
        if (result == TrackedSite.AddResult.ADDED) {
            trackedInstances.incrementAndGet();
        } else if (result == TrackedSite.AddResult.FULL) {
            droppedRegistrations.increment();
        }
    }

    /** Sampler thread: frees slots of collected containers, then visits every site that exists. */
    void forEachSite(Consumer<TrackedSite> visitor) {
        int highest = highestSiteId.get();
        for (int id = 0; id <= highest; id++) {
            TrackedSite site = sites.get(id);
            if (site != null) {
                trackedInstances.addAndGet(-site.prune());
                visitor.accept(site);
            }
        }
    }

    TrackedSite site(int siteId) {
        return siteId >= 0 && siteId < sites.length() ? sites.get(siteId) : null;
    }

    /** Containers currently held (weakly). */
    public int trackedInstances() {
        return trackedInstances.get();
    }

    /** Registrations not taken because a site or the whole registry was full. */
    public long droppedRegistrations() {
        return droppedRegistrations.sum();
    }
}
