package io.leakwatch.track;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.leakwatch.config.LeakwatchConfig;

/**
 * Reads the size of every tracked container on the sampler thread, only in the ways
 * {@link ContainerReader} allows for its class (nothing that changes the container or waits on the
 * application's locks); a call that throws or is slow backs its site off, one that never returns is
 * given up on by the watchdog, and nothing it does reaches the application.
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
    private final SizeCallWatch sizeCalls = new SizeCallWatch(LeakwatchConfig.MAX_BLOCKED_CONTAINER_TYPES);
    private final ContainerReader reader;
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
        this.reader = new ContainerReader(sizeCalls, nanoClock);
    }

    /**
     * One pass: the largest readable container of every site (size 0 once none is alive). Throws
     * {@link AbandonedSamplerPass} when the watchdog gave up on this thread during the pass.
     */
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
                readSize(container, largest);
            });
            unsampled[0] += largest.unreadable;
            if (largest.failed) {
                backoff.fail(site.siteId());
            } else if (largest.readAny) {
                backoff.succeed(site.siteId());
            }
            if (largest.readAny || !largest.anyAlive) {
                samples.add(new ContainerSample(site.siteId(), largest.size, largest.typeName));
            }
        });
        unsampledContainers.set(unsampled[0]);
        return samples;
    }

    private void readSize(Object container, Largest largest) {
        long started = nanoClock.getAsLong();
        long size;
        try {
            size = reader.size(container);
        } catch (AbandonedSamplerPass abandoned) {
            throw abandoned;
        } catch (Throwable t) {
            failedSizeCalls.incrementAndGet();
            largest.failed = true;
            return;
        }
        if (size == ContainerReader.UNREADABLE) {
            largest.unreadable++;
            return;
        }
        if (nanoClock.getAsLong() - started > slowCallNanos) {
            slowSizeCalls.incrementAndGet();
            largest.failed = true;
        }
        if (!largest.readAny || size > largest.size) {
            largest.size = size;
            largest.typeName = container.getClass().getName();
        }
        largest.readAny = true;
    }

    /**
     * Estimated bytes held by the site's largest container and what its entries keep alive, or empty
     * when it cannot be read safely now: only containers whose iteration is lock-free and changes
     * nothing (directly or inside JDK wrappers) are walked.
     */
    public OptionalLong estimateRetainedBytes(int siteId) {
        TrackedSite site = registry.site(siteId);
        if (site == null) {
            return OptionalLong.empty();
        }
        Object[] largest = {null};
        long[] largestSize = {-1};
        site.forEachLive(container -> {
            try {
                Object core = ContainerReader.iterableCore(container);
                if (core == null) {
                    return;
                }
                long size = ContainerReader.callSize(core);
                if (size > largestSize[0]) {
                    largestSize[0] = size;
                    largest[0] = core;
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

    /** The size() call in progress, for the watchdog. */
    public SizeCallWatch sizeCalls() {
        return sizeCalls;
    }

    /** Live containers the agent does not read (unreviewed classes, or a type given up on), at the last pass. */
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
        boolean failed;
        int unreadable;
        long size;
        String typeName;
    }
}
