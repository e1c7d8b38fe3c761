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

    private static final int ESTIMATE_ATTEMPTS = 3;

    private final ContainerRegistry registry;
    private final RetainedSizeEstimator estimator;
    private final long slowCallNanos;
    private final LongSupplier nanoClock;
    private final SizeCallWatch sizeCalls = new SizeCallWatch(LeakwatchConfig.MAX_BLOCKED_CONTAINER_TYPES);
    private final ContainerReader reader;
    private final AtomicLong unsampledContainers = new AtomicLong();
    private final AtomicLong failedSizeCalls = new AtomicLong();
    private final AtomicLong slowSizeCalls = new AtomicLong();
    private final NestedElements nestedElements;
    /** Per site id, what this thread remembers about reading it; created at the site's first pass. */
    private final SiteReadState[] siteStates;
    /** Where the next pass starts: the site at which this one spent its budget for nested elements. */
    private int firstSiteOfNextPass;

    public ContainerSampler(ContainerRegistry registry, RetainedSizeEstimator estimator, int maxSites,
            long slowCallNanos, LongSupplier nanoClock) {
        this.registry = registry;
        this.estimator = estimator;
        this.slowCallNanos = slowCallNanos;
        this.nanoClock = nanoClock;
        this.reader = new ContainerReader(sizeCalls, nanoClock);
        this.nestedElements = new NestedElements(reader, sizeCalls, nanoClock,
                LeakwatchConfig.NESTED_VALUES_PER_CONTAINER, LeakwatchConfig.NESTED_PROBE_VALUES);
        this.siteStates = new SiteReadState[maxSites];
    }

    /**
     * One pass: the largest reading of every site, a container's reading being its size plus the elements of the
     * containers it holds ({@link NestedElements}); size 0 once none of the site's containers is alive, but not
     * at the first pass that finds them all collected, since a field re-assigned with copies has a live one that
     * the next writes register. Throws {@link AbandonedSamplerPass} when the watchdog gave up on this thread
     * during the pass.
     */
    public List<ContainerSample> sample() {
        List<ContainerSample> samples = new ArrayList<>();
        long[] unsampled = {0};
        NestedElements.PassBudget budget = new NestedElements.PassBudget(LeakwatchConfig.NESTED_VALUES_PER_PASS);
        int[] budgetSpentAt = {-1};
        registry.forEachSite(firstSiteOfNextPass, site -> {
            int id = site.siteId();
            SiteReadState state = stateOf(id);
            if (state.skipThisPass()) {
                return;
            }
            boolean budgetLeft = !budget.spent();
            Largest largest = new Largest();
            largest.probesNested = state.probesNestedValues();
            site.forEachLiveSlot((slot, container) -> {
                largest.alive++;
                readSize(state, slot, container, largest, budget);
            });
            if (budgetLeft && budget.spent()) {
                budgetSpentAt[0] = id;
            }
            unsampled[0] += largest.unreadable;
            if (largest.failed) {
                state.readFailed();
            } else if (largest.readAny) {
                state.readWell();
            }
            if (largest.probedValuesWithoutContainers || largest.probedValuesWithContainers) {
                state.probedNestedValues(largest.probedValuesWithContainers);
            }
            offerSmallestSlot(site, largest);
            if (largest.readAny) {
                if (largest.nested != NestedElements.NOT_READ) {
                    state.rememberNested(largest.nested);
                }
                state.sawAlive();
                state.rememberLargestSlot(largest.largestSlot);
                samples.add(new ContainerSample(id, largest.size, largest.typeName));
            } else if (largest.alive == 0) {
                state.rememberLargestSlot(-1);
                if (state.foundNoneAlive()) {
                    samples.add(new ContainerSample(id, 0, null));
                }
            }
        });
        firstSiteOfNextPass = Math.max(0, budgetSpentAt[0]);
        unsampledContainers.set(unsampled[0]);
        return samples;
    }

    /** Where the site's latest retained-bytes estimate is kept: in this thread's state of the site. */
    public SiteEstimate estimateOf(int siteId) {
        return stateOf(siteId).estimate();
    }

    private SiteReadState stateOf(int siteId) {
        SiteReadState state = siteStates[siteId];
        if (state == null) {
            state = new SiteReadState();
            siteStates[siteId] = state;
        }
        return state;
    }

    /**
     * A site whose slots all hold containers that were read offers the slot of the smallest to the next write
     * that finds it full, so that its readings follow the newest of a stream of copies while the largest
     * container, whatever it is, keeps its slot.
     */
    private static void offerSmallestSlot(TrackedSite site, Largest read) {
        if (read.readSlots == site.capacity() && read.smallestSlot != read.largestSlot) {
            site.offerSlot(read.smallestSlot);
        } else {
            site.offerSlot(-1);
        }
    }

    private void readSize(SiteReadState state, int slot, Object container, Largest largest,
            NestedElements.PassBudget budget) {
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
        long nested = largest.probesNested ? nestedElements.count(container, size, budget) : NestedElements.NOT_READ;
        if (nested == NestedElements.NO_CONTAINER_VALUES) {
            largest.probedValuesWithoutContainers = true;
            nested = 0;
        } else if (nested > 0) {
            largest.probedValuesWithContainers = true;
        }
        long reading = size + (nested == NestedElements.NOT_READ ? state.lastNested() : nested);
        if (!largest.readAny || reading > largest.size) {
            largest.size = reading;
            largest.nested = nested;
            largest.typeName = container.getClass().getName();
            largest.largestSlot = slot;
        }
        if (!largest.readAny || reading <= largest.smallestSize) {
            largest.smallestSize = reading;
            largest.smallestSlot = slot;
        }
        largest.readAny = true;
        largest.readSlots++;
    }

    /**
     * Estimated bytes held by the container the last pass read as the site's largest and what its entries keep
     * alive, or empty when it cannot be walked safely now: only containers whose iteration is lock-free and
     * changes nothing (directly or inside JDK wrappers) are walked, and nothing of a site that is backed off
     * after a failed or slow read. The pass's own reading chooses the container: no {@code size()} is called
     * again here, outside the pass's timing.
     */
    public OptionalLong estimateRetainedBytes(int siteId) {
        Object core = containerToEstimate(siteId);
        if (core == null) {
            return OptionalLong.empty();
        }
        // The application may change the container during the walk; a fresh try usually succeeds.
        OptionalLong estimate = OptionalLong.empty();
        for (int attempt = 0; attempt < ESTIMATE_ATTEMPTS && estimate.isEmpty(); attempt++) {
            estimate = estimator.estimate(core);
        }
        return estimate;
    }

    /** What {@link #estimateRetainedBytes} walks for the site: its largest container's iterable core, or null. */
    Object containerToEstimate(int siteId) {
        TrackedSite site = registry.site(siteId);
        SiteReadState state = siteId >= 0 && siteId < siteStates.length ? siteStates[siteId] : null;
        if (site == null || state == null || state.backedOff()) {
            return null;
        }
        Object container = site.liveAt(state.largestSlot());
        if (container == null) {
            return null;
        }
        try {
            return ContainerReader.iterableCore(container);
        } catch (Throwable t) {
            return null;
        }
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

    /** The largest and the smallest readings seen so far in one site's pass. */
    private static final class Largest {
        int alive;
        int readSlots;
        boolean readAny;
        boolean failed;
        int unreadable;
        long size;
        long nested;
        String typeName;
        int largestSlot = -1;
        long smallestSize;
        int smallestSlot = -1;
        /** Whether this pass looks into the values of the site's containers at all. */
        boolean probesNested;
        /**
         * What the probes found: values holding elements, or values none of which is a container. Empty
         * containers among the values tell neither, and leave the site's probe back-off as it was.
         */
        boolean probedValuesWithContainers;
        boolean probedValuesWithoutContainers;
    }
}
