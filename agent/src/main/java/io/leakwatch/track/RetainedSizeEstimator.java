package io.leakwatch.track;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.RandomAccess;

/**
 * Estimates the bytes a container and what its entries keep alive, from a bounded sample of its
 * entries: their object graphs are walked (JDK internals shallowly, application objects through their
 * fields) and the average is scaled to the container's size.
 */
public final class RetainedSizeEstimator {

    /** A slot in an array-backed container: one reference plus growth slack. */
    private static final long ARRAY_SLOT_BYTES = 6;
    /** A node of a hashed or linked container (HashMap.Node, LinkedList.Node) with its table slot. */
    private static final long NODE_BYTES = 40;
    /** Header plus length of a compact string's byte array, which reflection cannot reach. */
    private static final long STRING_ARRAY_HEADER_BYTES = 16;
    /** Elements walked of a container met inside an entry, whose average is scaled to its size. */
    private static final int NESTED_SAMPLED_ELEMENTS = 8;
    /** Containers nested this deep inside one another are scaled; deeper ones are walked as they come. */
    private static final int MAX_SCALED_NESTING = 2;

    private static final ClassValue<Field[]> REFERENCE_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            return accessibleReferenceFields(type);
        }
    };

    private final Instrumentation instrumentation;
    private final int sampledEntries;
    private final int maxObjects;

    public RetainedSizeEstimator(Instrumentation instrumentation, int sampledEntries, int maxObjects) {
        this.instrumentation = instrumentation;
        this.sampledEntries = sampledEntries;
        this.maxObjects = maxObjects;
    }

    /**
     * Empty when the container changed under the walk or cannot be read; never throws. Only for a
     * container {@link ContainerReader#iterableCore} returned: its size() and iteration are lock-free
     * and change nothing.
     */
    public OptionalLong estimate(Object container) {
        try {
            return OptionalLong.of(walkContainer(container));
        } catch (RuntimeException | LinkageError e) {
            return OptionalLong.empty();
        }
    }

    private long walkContainer(Object container) {
        long size;
        Iterator<?> entries;
        size = ContainerReader.callSize(container);
        if (container instanceof Map) {
            entries = ((Map<?, ?>) container).entrySet().iterator();
        } else {
            entries = ((Collection<?>) container).iterator();
        }
        Walk walk = new Walk();
        walk.visited.put(container, Boolean.TRUE);
        int sampled = 0;
        long sampledBytes = 0;
        while (sampled < sampledEntries && entries.hasNext()) {
            Object entry = entries.next();
            if (entry instanceof Map.Entry) {
                sampledBytes += walk.bytesOf(((Map.Entry<?, ?>) entry).getKey());
                sampledBytes += walk.bytesOf(((Map.Entry<?, ?>) entry).getValue());
            } else {
                sampledBytes += walk.bytesOf(entry);
            }
            sampled++;
        }
        long perEntry = sampled == 0 ? 0 : sampledBytes / sampled;
        long overhead = container instanceof RandomAccess ? ARRAY_SLOT_BYTES : NODE_BYTES;
        return instrumentation.getObjectSize(container) + size * (perEntry + overhead);
    }

    /** One bounded walk; objects shared between sampled entries are counted once. */
    private final class Walk {
        final IdentityHashMap<Object, Boolean> visited = new IdentityHashMap<>();
        /** Nested containers being scaled around the current object; deeper ones are walked as plain objects. */
        int nesting;

        long bytesOf(Object root) {
            if (root == null) {
                return 0;
            }
            long bytes = 0;
            ArrayDeque<Object> pending = new ArrayDeque<>();
            pending.push(root);
            while (!pending.isEmpty() && visited.size() < maxObjects) {
                Object next = pending.pop();
                if (visited.put(next, Boolean.TRUE) != null || isShared(next)) {
                    continue;
                }
                bytes += instrumentation.getObjectSize(next);
                bytes += children(next, pending);
            }
            return bytes;
        }

        /** Queues what {@code object} references and returns bytes counted without a walk. */
        private long children(Object object, ArrayDeque<Object> pending) {
            Class<?> type = object.getClass();
            if (object instanceof String) {
                return STRING_ARRAY_HEADER_BYTES + ((String) object).length();
            }
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    Object[] elements = (Object[]) object;
                    for (int i = 0; i < elements.length && i < maxObjects; i++) {
                        pushIfPresent(elements[i], pending);
                    }
                }
                return 0;
            }
            // Containers met inside entries are walked only if their iteration is reviewed as harmless
            // (a WeakHashMap's would expunge it); others count shallowly, or through an application
            // class's fields. A nested one (a map's value list) is what a leak inside the values grows:
            // a few of its elements are walked and scaled to its size.
            boolean iterable = (object instanceof Map || object instanceof Collection)
                    && ContainerReader.isIterable(type);
            if (iterable && nesting < MAX_SCALED_NESTING) {
                return scaledElementBytes(object);
            }
            if (iterable && object instanceof Map) {
                queueBounded(((Map<?, ?>) object).entrySet(), pending, true);
                return 0;
            }
            if (iterable) {
                queueBounded((Collection<?>) object, pending, false);
                return 0;
            }
            for (Field field : REFERENCE_FIELDS.get(type)) {
                try {
                    pushIfPresent(field.get(object), pending);
                } catch (IllegalAccessException | RuntimeException e) {
                    // An unreadable field only makes the estimate lower.
                }
            }
            return 0;
        }

        /** A nested container's elements: a few walked, their average scaled to its size, with its slots or nodes. */
        private long scaledElementBytes(Object container) {
            long size = ContainerReader.callSize(container);
            Iterator<?> elements = container instanceof Map ? ((Map<?, ?>) container).entrySet().iterator()
                    : ((Collection<?>) container).iterator();
            nesting++;
            try {
                int sampled = 0;
                long sampledBytes = 0;
                while (sampled < NESTED_SAMPLED_ELEMENTS && visited.size() < maxObjects && elements.hasNext()) {
                    Object element = elements.next();
                    if (element instanceof Map.Entry) {
                        sampledBytes += bytesOf(((Map.Entry<?, ?>) element).getKey());
                        sampledBytes += bytesOf(((Map.Entry<?, ?>) element).getValue());
                    } else {
                        sampledBytes += bytesOf(element);
                    }
                    sampled++;
                }
                long perElement = sampled == 0 ? 0 : sampledBytes / sampled;
                long overhead = container instanceof RandomAccess ? ARRAY_SLOT_BYTES : NODE_BYTES;
                return size * (perElement + overhead);
            } finally {
                nesting--;
            }
        }

        private void queueBounded(Collection<?> elements, ArrayDeque<Object> pending, boolean entries) {
            int queued = 0;
            for (Object element : elements) {
                if (queued++ >= maxObjects) {
                    return;
                }
                if (entries) {
                    Map.Entry<?, ?> entry = (Map.Entry<?, ?>) element;
                    pushIfPresent(entry.getKey(), pending);
                    pushIfPresent(entry.getValue(), pending);
                } else {
                    pushIfPresent(element, pending);
                }
            }
        }

        private void pushIfPresent(Object value, ArrayDeque<Object> pending) {
            if (value != null) {
                pending.push(value);
            }
        }
    }

    /** Objects that belong to the whole program, not to an entry. */
    private static boolean isShared(Object object) {
        return object instanceof Class || object instanceof ClassLoader || object instanceof Thread
                || object instanceof Enum || object == Boolean.FALSE || object == Boolean.TRUE;
    }

    /**
     * Instance reference fields the agent may read: those of application classes. JDK classes are
     * counted shallowly, since their internals are closed to reflection.
     */
    private static Field[] accessibleReferenceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> current = type; current != null && current.getClassLoader() != null
                && current.getClassLoader() != ClassLoader.getPlatformClassLoader(); current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                if (trySetAccessible(field)) {
                    fields.add(field);
                }
            }
        }
        return fields.toArray(new Field[0]);
    }

    private static boolean trySetAccessible(AccessibleObject member) {
        try {
            return member.trySetAccessible();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
