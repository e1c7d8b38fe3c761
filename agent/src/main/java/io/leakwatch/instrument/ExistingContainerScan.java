package io.leakwatch.instrument;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.leakwatch.bootstrap.FieldWriteHandler;

/**
 * Finds the containers that watched classes already hold when the agent arrives by {@code attach}:
 * a static map filled in a static initialiser, or a singleton's list, is never written again, so the
 * instrumentation alone would never see it, and that is the incident case ("it leaks now, attach").
 *
 * <p>Starts at the static fields of watched classes that are already initialised (never initialising
 * one), and follows the fields of watched-class objects found there, up to a depth and an object
 * budget. It only reads fields: no application method runs, nothing is written, and the objects it
 * visited are forgotten when the scan returns. Containers found are handed to the registry exactly as
 * an instrumented write of that field would hand them.
 */
final class ExistingContainerScan {

    /** What one scan found, for the one line that reports it. */
    static final class Result {
        int initializedClasses;
        int uninitializedClasses;
        int objects;
        int containers;
        int unreadableFields;
        boolean budgetExhausted;

        String describe() {
            return "found " + containers + " existing container" + (containers == 1 ? "" : "s") + " in "
                    + initializedClasses + " initialised watched classes and " + objects + " of their objects"
                    + (uninitializedClasses > 0 ? " (" + uninitializedClasses + " classes not yet initialised, left"
                            + " alone)" : "")
                    + (budgetExhausted ? "; stopped at the scan's budget of objects" : "")
                    + (unreadableFields > 0 ? "; " + unreadableFields + " fields could not be read" : "");
        }
    }

    private final Predicate<String> isWatchedClass;
    private final Predicate<Class<?>> isInitialized;
    private final SiteTable sites;
    private final FieldWriteHandler registry;
    private final int maxDepth;
    private final int maxObjects;

    ExistingContainerScan(Predicate<String> isWatchedClass, Predicate<Class<?>> isInitialized, SiteTable sites,
            FieldWriteHandler registry, int maxDepth, int maxObjects) {
        this.isWatchedClass = isWatchedClass;
        this.isInitialized = isInitialized;
        this.sites = sites;
        this.registry = registry;
        this.maxDepth = maxDepth;
        this.maxObjects = maxObjects;
    }

    Result scan(Class<?>[] loadedClasses) {
        Result result = new Result();
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> frontier = new ArrayDeque<>();
        for (Class<?> type : loadedClasses) {
            if (!isWatched(type)) {
                continue;
            }
            if (!isInitialized.test(type)) {
                result.uninitializedClasses++;
                continue;
            }
            result.initializedClasses++;
            readFields(type, null, frontier, visited, result);
        }
        // Breadth first, level by level, so that the budget is spent nearest the roots.
        for (int depth = 1; depth <= maxDepth && !frontier.isEmpty(); depth++) {
            ArrayDeque<Object> next = new ArrayDeque<>();
            while (!frontier.isEmpty()) {
                Object holder = frontier.poll();
                for (Class<?> type = holder.getClass(); type != null && isWatched(type); type = type.getSuperclass()) {
                    readFields(type, holder, next, visited, result);
                }
            }
            frontier = next;
        }
        return result;
    }

    /** Static fields when {@code holder} is null, else that object's instance fields declared by {@code type}. */
    private void readFields(Class<?> type, Object holder, ArrayDeque<Object> next, Set<Object> visited,
            Result result) {
        Field[] fields;
        try {
            fields = type.getDeclaredFields();
        } catch (Throwable e) {
            result.unreadableFields++;
            return;
        }
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers()) != (holder == null) || field.getType().isPrimitive()) {
                continue;
            }
            Object value = read(field, holder, result);
            if (value == null) {
                continue;
            }
            if (isContainerField(field)) {
                int siteId = sites.idOf(field.getDeclaringClass().getName(), field.getName());
                if (siteId != SiteTable.NO_SITE) {
                    registry.onFieldWrite(value, siteId);
                    result.containers++;
                }
            } else if (isWatched(value.getClass()) && visited.size() < maxObjects && visited.add(value)) {
                result.objects++;
                next.add(value);
            } else if (visited.size() >= maxObjects) {
                result.budgetExhausted = true;
            }
        }
    }

    private static Object read(Field field, Object holder, Result result) {
        try {
            if (!field.trySetAccessible()) {
                result.unreadableFields++;
                return null;
            }
            return field.get(holder);
        } catch (Throwable e) {
            result.unreadableFields++;
            return null;
        }
    }

    /** The same fields the instrumentation watches: declared as a Map, a Collection or a known cache type. */
    private static boolean isContainerField(Field field) {
        Class<?> declared = field.getType();
        return Map.class.isAssignableFrom(declared) || Collection.class.isAssignableFrom(declared)
                || CacheTypes.isCache(declared.getName().replace('.', '/'));
    }

    private boolean isWatched(Class<?> type) {
        return type.getClassLoader() != null && !type.isArray()
                && isWatchedClass.test(type.getName());
    }
}
