package io.leakwatch.track;

import java.util.HashMap;
import java.util.Map;

/**
 * The reviewed list of JDK container classes and how the sampler may read each. Everything the agent
 * calls on an application's container must change nothing and take none of the application's locks:
 * {@code WeakHashMap.size()} expunges stale entries (it writes the map), {@code Hashtable.size()} and
 * {@code Vector.size()} synchronize, blocking queues lock, and the iterators of
 * {@code PriorityBlockingQueue} and {@code DelayQueue} copy the whole queue under its lock. Each entry
 * was checked against the JDK's source (11 to 25); a JDK class that is not listed is not read.
 */
final class ReviewedContainers {

    /** How the sampler reads one class. */
    enum Reading {
        /** {@code size()} and iteration are lock-free and change nothing: both may be called. */
        CALL,
        /** {@code size()} is lock-free and changes nothing; iteration locks or copies, so it is never run. */
        CALL_SIZE_ONLY,
        /** {@code size()} locks or writes; the count is read from the class's own int field instead. */
        INT_FIELD,
        /** A wrapper whose methods only delegate: the wrapped container, in the named field, is read by its own rule. */
        UNWRAP,
        /** As {@link #UNWRAP}, but the wrapped container is guarded by the wrapper's lock: its size only. */
        UNWRAP_SIZE_ONLY
    }

    /** The reading of one class and, for fields and wrappers, the field's name. */
    static final class Rule {
        final Reading reading;
        final String field;

        private Rule(Reading reading, String field) {
            this.reading = reading;
            this.field = field;
        }
    }

    private static final Map<String, Rule> RULES = new HashMap<>();

    static {
        // Plain collections: size() returns a field, iterators only read.
        call("java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.IdentityHashMap",
                "java.util.EnumMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
                "java.util.RegularEnumSet", "java.util.JumboEnumSet", "java.util.ArrayList", "java.util.LinkedList",
                "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.Arrays$ArrayList",
                "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
                "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
                "java.util.Collections$SingletonMap", "java.util.ImmutableCollections$List12",
                "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$Set12",
                "java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Map1",
                "java.util.ImmutableCollections$MapN");
        // Lock-free concurrent collections: size() sums counters or walks nodes, iterators are weakly consistent.
        call("java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$KeySetView",
                "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.ConcurrentSkipListSet",
                "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
                "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
                "java.util.concurrent.LinkedTransferQueue", "java.util.concurrent.SynchronousQueue");
        // size() reads an atomic counter (or a lock-free map), but iteration takes the locks.
        RULES.put("java.util.concurrent.LinkedBlockingQueue", new Rule(Reading.CALL_SIZE_ONLY, null));
        RULES.put("java.util.Properties", new Rule(Reading.CALL_SIZE_ONLY, null));
        // size() writes or locks: the count is read from the field it returns.
        RULES.put("java.util.WeakHashMap", new Rule(Reading.INT_FIELD, "size"));
        RULES.put("java.util.Hashtable", new Rule(Reading.INT_FIELD, "count"));
        RULES.put("java.util.Vector", new Rule(Reading.INT_FIELD, "elementCount"));
        RULES.put("java.util.concurrent.ArrayBlockingQueue", new Rule(Reading.INT_FIELD, "count"));
        RULES.put("java.util.concurrent.LinkedBlockingDeque", new Rule(Reading.INT_FIELD, "count"));
        RULES.put("java.util.concurrent.PriorityBlockingQueue", new Rule(Reading.INT_FIELD, "size"));
        // Wrappers that delegate to what they wrap, which may be application code or a WeakHashMap.
        RULES.put("java.util.Collections$SynchronizedCollection", new Rule(Reading.UNWRAP, "c"));
        RULES.put("java.util.Collections$SynchronizedMap", new Rule(Reading.UNWRAP, "m"));
        RULES.put("java.util.Collections$UnmodifiableCollection", new Rule(Reading.UNWRAP, "c"));
        RULES.put("java.util.Collections$UnmodifiableMap", new Rule(Reading.UNWRAP, "m"));
        RULES.put("java.util.Collections$CheckedCollection", new Rule(Reading.UNWRAP, "c"));
        RULES.put("java.util.Collections$CheckedMap", new Rule(Reading.UNWRAP, "m"));
        RULES.put("java.util.Collections$SetFromMap", new Rule(Reading.UNWRAP, "m"));
        RULES.put("java.util.Collections$AsLIFOQueue", new Rule(Reading.UNWRAP, "q"));
        RULES.put("java.util.concurrent.DelayQueue", new Rule(Reading.UNWRAP_SIZE_ONLY, "q"));
    }

    private ReviewedContainers() {
    }

    private static void call(String... classNames) {
        for (String name : classNames) {
            RULES.put(name, new Rule(Reading.CALL, null));
        }
    }

    /** The rule of a JDK class by its binary name, or null when it was not reviewed. */
    static Rule ruleFor(String jdkClassName) {
        return RULES.get(jdkClassName);
    }
}
