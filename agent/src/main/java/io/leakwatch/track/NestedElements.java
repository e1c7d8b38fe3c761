package io.leakwatch.track;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts the elements of the containers a container holds (the lists a map keeps as values, the sets a list keeps
 * as elements), so that a map with a fixed set of keys whose values grow is seen growing at its own field. Each
 * value is read the way {@link ContainerReader} allows for its class; only a container whose own iteration is
 * reviewed as lock-free and side-effect free is walked. The cost is bounded: at most {@code maxValues} values per
 * container (the first in iteration order, the count then scaled to the container's size), none past the first
 * {@code probeValues} if those held no container, and at most a pass's budget in all. Each step of the iteration
 * runs under the {@link SizeCallWatch}: a reviewed iterator cannot wait on a lock, but one racing the application's
 * writes is not proven to end, and the watchdog gives up on such a walk (and on walking that class) as it does on a
 * stuck size().
 */
final class NestedElements {

    /** The count could not be read this time (budget spent, or the container changed under the walk). */
    static final long NOT_READ = -1;
    /** The values looked at held no container: none nested, and little reason to look again soon. */
    static final long NO_CONTAINER_VALUES = -2;

    /** Values still to be looked at in one sampler pass, over all containers. */
    static final class PassBudget {
        private long valuesLeft;

        PassBudget(long values) {
            this.valuesLeft = values;
        }

        boolean spent() {
            return valuesLeft <= 0;
        }

        long valuesLeft() {
            return valuesLeft;
        }
    }

    /** The name the watchdog knows a class's walk by, per class walked. */
    private static final ClassValue<String> WALK_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getName() + "'s values";
        }
    };

    private final ContainerReader reader;
    private final SizeCallWatch watch;
    private final LongSupplier nanoClock;
    private final int maxValues;
    private final int probeValues;

    NestedElements(ContainerReader reader, SizeCallWatch watch, LongSupplier nanoClock, int maxValues,
            int probeValues) {
        this.reader = reader;
        this.watch = watch;
        this.nanoClock = nanoClock;
        this.maxValues = maxValues;
        this.probeValues = probeValues;
    }

    /**
     * The nested elements of {@code container} of {@code ownSize} entries, 0 when it may not be walked,
     * {@link #NO_CONTAINER_VALUES} when the values looked at were none of them containers, or {@link #NOT_READ}.
     * A call the watchdog gave up on ends the pass with {@link AbandonedSamplerPass}.
     */
    long count(Object container, long ownSize, PassBudget budget) {
        if (ownSize <= 0) {
            return 0;
        }
        Object core;
        try {
            core = ContainerReader.iterableCore(container);
        } catch (IllegalAccessException | RuntimeException e) {
            return 0;
        }
        if (core == null) {
            return 0;
        }
        if (budget.valuesLeft < Math.min(ownSize, maxValues)) {
            budget.valuesLeft = 0;
            return NOT_READ;
        }
        try {
            return walk(core, ownSize, budget);
        } catch (AbandonedSamplerPass abandoned) {
            throw abandoned;
        } catch (RuntimeException concurrentlyChanged) {
            // A fail-fast iterator met the application's change; the next pass reads again.
            return NOT_READ;
        }
    }

    private long walk(Object core, long ownSize, PassBudget budget) {
        String walkName = WALK_NAMES.get(core.getClass());
        if (watch.isBlocked(walkName)) {
            return 0;
        }
        boolean isMap = core instanceof Map;
        Iterator<?> values = isMap ? ((Map<?, ?>) core).entrySet().iterator() : ((Collection<?>) core).iterator();
        long examined = 0;
        long containers = 0;
        long nested = 0;
        boolean exhausted = false;
        while (true) {
            if (examined >= maxValues || (examined >= probeValues && containers == 0)) {
                break;
            }
            Object value;
            long step = watch.enter(walkName, nanoClock.getAsLong());
            try {
                if (!values.hasNext()) {
                    exhausted = true;
                    break;
                }
                Object next = values.next();
                value = isMap ? ((Map.Entry<?, ?>) next).getValue() : next;
            } finally {
                if (!watch.exit(step)) {
                    throw AbandonedSamplerPass.INSTANCE;
                }
            }
            examined++;
            long size = sizeOf(value);
            if (size >= 0) {
                containers++;
                nested += size;
            }
        }
        budget.valuesLeft -= examined;
        if (containers == 0) {
            return examined > 0 ? NO_CONTAINER_VALUES : 0;
        }
        if (exhausted || examined >= ownSize) {
            return nested;
        }
        return Math.round((double) nested * ownSize / examined);
    }

    /** The size of a value that is a container the agent may read, else -1. */
    private long sizeOf(Object value) {
        if (!(value instanceof Map) && !(value instanceof Collection)) {
            return ContainerReader.UNREADABLE;
        }
        try {
            return reader.size(value);
        } catch (AbandonedSamplerPass abandoned) {
            throw abandoned;
        } catch (IllegalAccessException | RuntimeException e) {
            // A library's size() that throws leaves that one value uncounted.
            return ContainerReader.UNREADABLE;
        }
    }
}
