package io.leakwatch.instrument;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a {@code java.*} type is a {@link Map} or {@link Collection}. JDK types are the same for every
 * loader, so the answers are shared and kept; the JDK's types are finite.
 */
final class JdkContainerTypes {

    private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();

    boolean isContainer(String internalName) {
        // Not computeIfAbsent: a lambda's first use would cost the first watched class to load a millisecond more.
        Boolean known = answers.get(internalName);
        if (known == null) {
            known = resolve(internalName);
            answers.put(internalName, known);
        }
        return known;
    }

    private static boolean resolve(String internalName) {
        try {
            Class<?> type = Class.forName(internalName.replace('/', '.'), false, null);
            return Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
