package io.leakwatch.track;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Reads the size of every tracked container on the sampler thread. Only JDK and known-library
 * implementations are asked; a call that throws or is slow backs its site off, and nothing it does
 * reaches the application.
 */
public final class ContainerSampler {

    /** Passes a site is skipped after its first failure; doubles on each further one. */
    private static final int FIRST_BACKOFF_PASSES = 2;
    private static final int MAX_BACKOFF_PASSES = 512;
    private static final int ESTIMATE_ATTEMPTS = 3;

    private final ContainerRegistry registry;
    private final RetainedSizeEstimator estimator;
    private final long slowCallNanos;
    private final LongSupplier nanoClock;
    private final SiteBackoff backoff;
    private final AtomicLong unsampledContainers = new AtomicLong();
    private final AtomicLong failedSizeCalls = new AtomicLong();
    private final AtomicLong slowSizeCalls = new AtomicLong();

    public ContainerSampler(ContainerRegistry registry, RetainedSizeEstimator estimator, int maxSites,
            long slowCallNanos, LongSupplier nanoClock) {
        this.registry = registry;
        this.estimator = estimator;
        this.slowCallNanos = slowCallNanos;
        this.nanoClock = nanoClock;
        this.backoff = new SiteBackoff(maxSites, FIRST_BACKOFF_PASSES, MAX_BACKOFF_PASSES);
    }

    /** One pass: the largest readable container of every site (size 0 once none is alive). */
    public List<ContainerSample> sample() {
        List<ContainerSample> samples = new ArrayList<>();
        long[] unsampled = {0};
        registry.forEachSite(site -> {
            if (backoff.skip(site.siteId())) {
                return;
            }
            Largest largest = new Largest();
            site.forEachLive(container -> {
                largest.anyAlive = true;
                if (!TrustedImplementations.sizeIsTrusted(container.getClass())) {
                    unsampled[0]++;
                    return;
                }
                readSize(site.siteId(), container, largest);
            });
            if (largest.readAny || !largest.anyAlive) {
                samples.add(new ContainerSample(site.siteId(), largest.size, largest.typeName));
            }
        });
        unsampledContainers.set(unsampled[0]);
        return samples;
    }

    private void readSize(int siteId, Object container, Largest largest) {
        long started = nanoClock.getAsLong();
        long size;
        try {
            size = sizeOf(container);
        } catch (Throwable t) {
            failedSizeCalls.incrementAndGet();
            backoff.fail(siteId);
            return;
        }
        if (nanoClock.getAsLong() - started > slowCallNanos) {
            slowSizeCalls.incrementAndGet();
            backoff.fail(siteId);
        }
        if (!largest.readAny || size > largest.size) {
            largest.size = size;
            largest.typeName = container.getClass().getName();
        }
        largest.readAny = true;
    }

    /**
     * Estimated bytes held by the site's largest container and what its entries keep alive,
     * or empty when it cannot be read safely now.
     */
    public OptionalLong estimateRetainedBytes(int siteId) {
        TrackedSite site = registry.site(siteId);
        if (site == null) {
            return OptionalLong.empty();
        }
        Object[] largest = {null};
        long[] largestSize = {-1};
        site.forEachLive(container -> {
            if (!TrustedImplementations.iterationIsTrusted(container.getClass())) {
                return;
            }
            try {
                long size = sizeOf(container);
                if (size > largestSize[0]) {
                    largestSize[0] = size;
                    largest[0] = container;
                }
            } catch (Throwable t) {
                failedSizeCalls.incrementAndGet();
            }
        });
        if (largest[0] == null) {
            return OptionalLong.empty();
        }
        // The application may change the container during the walk; a fresh try usually succeeds.
        OptionalLong estimate = OptionalLong.empty();
        for (int attempt = 0; attempt < ESTIMATE_ATTEMPTS && estimate.isEmpty(); attempt++) {
            estimate = estimator.estimate(largest[0]);
        }
        return estimate;
    }

    /** Only for containers whose implementation is trusted: it runs their {@code size()}. */
    private static int sizeOf(Object container) {
        return container instanceof Map ? ((Map<?, ?>) container).size() : ((Collection<?>) container).size();
    }

    /** Live containers whose implementation is not trusted to be asked its size, at the last pass. */
    public long unsampledContainers() {
        return unsampledContainers.get();
    }

    /** {@code size()} calls that threw. */
    public long failedSizeCalls() {
        return failedSizeCalls.get();
    }

    /** {@code size()} calls slower than the configured limit. */
    public long slowSizeCalls() {
        return slowSizeCalls.get();
    }

    /** The largest container seen so far in one site's pass. */
    private static final class Largest {
        boolean anyAlive;
        boolean readAny;
        long size;
        String typeName;
    }
}
