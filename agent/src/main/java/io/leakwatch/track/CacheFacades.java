package io.leakwatch.track;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the sampler reaches the entries of a Caffeine or Guava cache, which is no {@code Map} itself but
 * holds one. Only fields are read and only reviewed code runs: no cache method that could run
 * maintenance (eviction, expiry, refresh) or lazily create a view is ever called.
 *
 * <ul>
 *   <li>Caffeine: every facade (manual, loading, async) holds its {@code LocalCache} in a field
 *   {@code cache}; every {@code LocalCache} holds its entries in {@code data}, a
 *   {@code ConcurrentHashMap} whose lock-free size is exactly what {@code estimatedSize()} returns.</li>
 *   <li>Guava: the facade holds its {@code LocalCache} in {@code localCache}, whose {@code size()} only
 *   sums the segments' counts; it is library code, so it runs under the watchdog.</li>
 * </ul>
 * A library version whose fields differ leaves the cache unsampled, never misread.
 */
final class CacheFacades {

    private static final String CAFFEINE_PACKAGE = "com.github.benmanes.caffeine.cache.";
    private static final String GUAVA_LOCAL_CACHE = "com.google.common.cache.LocalCache";
    private static final String GUAVA_FACADE = "com.google.common.cache.LocalCache$Local";

    private CacheFacades() {
    }

    /** The plan for a class of either library, or null when the class belongs to neither. */
    static ContainerReader.Plan planFor(Class<?> type) {
        String name = type.getName();
        if (name.startsWith(CAFFEINE_PACKAGE)) {
            Field entries = instanceField(type, "data");
            if (entries != null && entries.getType() == ConcurrentHashMap.class) {
                return new ContainerReader.Plan(ContainerReader.Kind.UNWRAP, entries, true);
            }
            Field localCache = instanceField(type, "cache");
            if (localCache != null && Map.class.isAssignableFrom(localCache.getType())) {
                return new ContainerReader.Plan(ContainerReader.Kind.UNWRAP, localCache, true);
            }
            return ContainerReader.Plan.NONE;
        }
        if (name.equals(GUAVA_LOCAL_CACHE)) {
            return new ContainerReader.Plan(ContainerReader.Kind.LIBRARY, null, false);
        }
        if (name.startsWith(GUAVA_FACADE)) {
            Field localCache = instanceField(type, "localCache");
            return localCache == null || !Map.class.isAssignableFrom(localCache.getType()) ? ContainerReader.Plan.NONE
                    : new ContainerReader.Plan(ContainerReader.Kind.UNWRAP, localCache, false);
        }
        return null;
    }

    /** An instance field of the class or a superclass, made readable; null when absent or closed to the agent. */
    private static Field instanceField(Class<?> type, String fieldName) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (field.getName().equals(fieldName) && !Modifier.isStatic(field.getModifiers())) {
                    return field.trySetAccessible() ? field : null;
                }
            }
        }
        return null;
    }
}
