package io.leakwatch.agent;

import java.util.function.LongSupplier;

import io.leakwatch.export.TrackingCounts;
import io.leakwatch.track.ContainerRegistry;
import io.leakwatch.track.ContainerSampler;

/** Reads the registry's, the sampler's and the site table's counters at the end of a pass, for its report. */
final class TrackingCounters {

    private final ContainerRegistry registry;
    private final ContainerSampler sampler;
    private final LongSupplier refusedSites;

    /** @param refusedSites fields left uninstrumented because the site table was full */
    TrackingCounters(ContainerRegistry registry, ContainerSampler sampler, LongSupplier refusedSites) {
        this.registry = registry;
        this.sampler = sampler;
        this.refusedSites = refusedSites;
    }

    TrackingCounts read() {
        return new TrackingCounts(registry.trackedInstances(), sampler.unsampledContainers(),
                registry.droppedRegistrations() + refusedSites.getAsLong(), registry.fullSites(),
                sampler.failedSizeCalls() + sampler.slowSizeCalls());
    }
}
