package io.leakwatch.track;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Reads a container's size, on the sampler thread, in the one way its class allows: a call for the
 * reviewed lock-free JDK classes and known libraries (under {@link SizeCallWatch}), the JDK class's own
 * count field where {@code size()} would lock or write, the wrapped container for JDK wrappers and for
 * Caffeine and Guava caches ({@link CacheFacades}), and nothing for anything else, which stays unsampled.
 */
final class ContainerReader {

    /** Returned for a container the agent must not read. */
    static final long UNREADABLE = -1;

    /** Wrappers followed inwards at most; a deeper nesting is left unread. */
    private static final int MAX_WRAPPERS = 8;

    /** Collection libraries whose size() is a plain in-memory read (or, for their wrappers, a delegation). */
    private static final List<String> KNOWN_LIBRARIES = List.of(
            "com.google.common.collect.", "it.unimi.dsi.fastutil.", "org.eclipse.collections.",
            "org.apache.commons.collections4.", "gnu.trove.", "org.agrona.collections.", "com.carrotsearch.hppc.");

    /** How the sampler reads one runtime class, worked out once per class. */
    enum Kind { CALL, CALL_SIZE_ONLY, INT_FIELD, UNWRAP, LIBRARY, NONE }

    /** A class's kind, its field (count or wrapped container) and whether it may be iterated. */
    static final class Plan {
        static final Plan NONE = new Plan(Kind.NONE, null, false);

        final Kind kind;
        final Field field;
        final boolean iterable;

        Plan(Kind kind, Field field, boolean iterable) {
            this.kind = kind;
            this.field = field;
            this.iterable = iterable;
        }
    }

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            try {
                return planFor(type);
            } catch (RuntimeException | LinkageError | NoSuchMethodException e) {
                return Plan.NONE;
            }
        }
    };

    private final SizeCallWatch watch;
    private final LongSupplier nanoClock;

    ContainerReader(SizeCallWatch watch, LongSupplier nanoClock) {
        this.watch = watch;
        this.nanoClock = nanoClock;
    }

    /**
     * The container's size, or {@link #UNREADABLE}. A known library's size() may throw; a call the
     * watchdog gave up on ends the pass with {@link AbandonedSamplerPass}.
     */
    long size(Object container) throws IllegalAccessException {
        Object current = container;
        for (int depth = 0; depth < MAX_WRAPPERS && current != null; depth++) {
            Plan plan = PLANS.get(current.getClass());
            switch (plan.kind) {
                case CALL:
                case CALL_SIZE_ONLY:
                    // Reviewed JDK code that neither locks nor waits: only a long GC pause can hold it up,
                    // which is no reason to give the type up for good.
                    return callSize(current);
                case LIBRARY:
                    return watchedSizeCall(current);
                case INT_FIELD:
                    return plan.field.getInt(current);
                case UNWRAP:
                    current = plan.field.get(current);
                    break;
                default:
                    return UNREADABLE;
            }
        }
        return UNREADABLE;
    }

    private long watchedSizeCall(Object container) {
        String typeName = container.getClass().getName();
        if (watch.isBlocked(typeName)) {
            return UNREADABLE;
        }
        long call = watch.enter(typeName, nanoClock.getAsLong());
        int size;
        try {
            size = callSize(container);
        } finally {
            if (!watch.exit(call)) {
                throw AbandonedSamplerPass.INSTANCE;
            }
        }
        return size;
    }

    /**
     * The container whose entries may be walked for an estimate: the container itself or, through JDK
     * wrappers, the one it wraps, when that is of a class whose iteration is lock-free and side-effect
     * free; null otherwise.
     */
    static Object iterableCore(Object container) throws IllegalAccessException {
        Object current = container;
        for (int depth = 0; depth < MAX_WRAPPERS && current != null; depth++) {
            Plan plan = PLANS.get(current.getClass());
            if (plan.kind == Kind.CALL) {
                return plan.iterable ? current : null;
            }
            if (plan.kind != Kind.UNWRAP || !plan.iterable) {
                return null;
            }
            current = plan.field.get(current);
        }
        return null;
    }

    /** Whether the estimate may walk a container of this class met inside another one's entries. */
    static boolean isIterable(Class<?> type) {
        Plan plan = PLANS.get(type);
        return plan.kind == Kind.CALL && plan.iterable;
    }

    /** The kind the sampler reads this class as; for tests and for counting. */
    static Kind kindOf(Class<?> type) {
        return PLANS.get(type).kind;
    }

    /** Only for an object {@link #iterableCore} returned, or a CALL kind: its size() is lock-free. */
    static int callSize(Object container) {
        return container instanceof Map ? ((Map<?, ?>) container).size() : ((Collection<?>) container).size();
    }

    /**
     * The nearest reviewed JDK class above {@code type} decides, provided that nothing between them
     * overrides what the rule relies on ({@code size()}, and the iteration for an estimate); otherwise a
     * known library's own {@code size()} is called; anything else is not read.
     */
    static Plan planFor(Class<?> type) throws NoSuchMethodException {
        Plan cache = CacheFacades.planFor(type);
        if (cache != null) {
            return cache;
        }
        if (!Map.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type)) {
            return Plan.NONE;
        }
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (!isJdkClass(current)) {
                continue;
            }
            ReviewedContainers.Rule rule = ReviewedContainers.ruleFor(current.getName());
            if (rule != null) {
                return planFromRule(type, current, rule);
            }
        }
        return libraryPlan(type);
    }

    private static Plan planFromRule(Class<?> type, Class<?> reviewed, ReviewedContainers.Rule rule)
            throws NoSuchMethodException {
        if (!declaredAtOrAbove(type, reviewed, "size")) {
            return Plan.NONE;
        }
        boolean iterationInherited = declaredAtOrAbove(type, reviewed,
                Map.class.isAssignableFrom(type) ? "entrySet" : "iterator");
        switch (rule.reading) {
            case CALL:
                return new Plan(Kind.CALL, null, iterationInherited);
            case CALL_SIZE_ONLY:
                return new Plan(Kind.CALL_SIZE_ONLY, null, false);
            case INT_FIELD:
                Field count = openField(reviewed, rule.field);
                return count == null || count.getType() != int.class ? Plan.NONE : new Plan(Kind.INT_FIELD, count, false);
            case UNWRAP:
            case UNWRAP_SIZE_ONLY:
                Field wrapped = openField(reviewed, rule.field);
                return wrapped == null ? Plan.NONE
                        : new Plan(Kind.UNWRAP, wrapped, rule.reading == ReviewedContainers.Reading.UNWRAP
                                && iterationInherited);
            default:
                return Plan.NONE;
        }
    }

    /** Whether the method that runs for {@code type} is the reviewed class's own or one above it. */
    private static boolean declaredAtOrAbove(Class<?> type, Class<?> reviewed, String methodName)
            throws NoSuchMethodException {
        Method method = type.getMethod(methodName);
        return method.getDeclaringClass().isAssignableFrom(reviewed);
    }

    /** A JDK field, readable only once java.util has been opened to the agent ({@link JdkFieldAccess}). */
    private static Field openField(Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            if (Modifier.isStatic(field.getModifiers()) || !field.trySetAccessible()) {
                return null;
            }
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    /** A concrete class of a known library declares the size() that runs: called under the watchdog, never iterated. */
    private static Plan libraryPlan(Class<?> type) throws NoSuchMethodException {
        Class<?> declaring = type.getMethod("size").getDeclaringClass();
        if (Modifier.isAbstract(declaring.getModifiers()) || declaring.isInterface() || isJdkClass(declaring)) {
            return Plan.NONE;
        }
        String name = declaring.getName();
        for (String prefix : KNOWN_LIBRARIES) {
            if (name.startsWith(prefix)) {
                return new Plan(Kind.LIBRARY, null, false);
            }
        }
        return Plan.NONE;
    }

    private static boolean isJdkClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }
}
