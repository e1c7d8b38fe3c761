package io.leakwatch.instrument;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Decides from a field descriptor whether the field holds a {@link Map} or {@link Collection}, without
 * loading application classes: their hierarchy is read from class files through a {@link TypePool}.
 */
final class ContainerFieldTypes {

    /** JDK types are the same for every loader, so their answer can be cached; the JDK is finite. */
    private final ConcurrentHashMap<String, Boolean> jdkAnswers = new ConcurrentHashMap<>();

    boolean isContainer(String fieldDescriptor, TypePool applicationTypes) {
        if (fieldDescriptor.length() < 3 || fieldDescriptor.charAt(0) != 'L') {
            return false;
        }
        String binaryName = fieldDescriptor.substring(1, fieldDescriptor.length() - 1).replace('/', '.');
        if (binaryName.startsWith("java.")) {
            return jdkAnswers.computeIfAbsent(binaryName, ContainerFieldTypes::isJdkContainer);
        }
        return isApplicationContainer(binaryName, applicationTypes);
    }

    private static boolean isJdkContainer(String binaryName) {
        try {
            Class<?> type = Class.forName(binaryName, false, null);
            return Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean isApplicationContainer(String binaryName, TypePool applicationTypes) {
        try {
            TypePool.Resolution resolution = applicationTypes.describe(binaryName);
            if (!resolution.isResolved()) {
                return false;
            }
            TypeDescription type = resolution.resolve();
            return type.isAssignableTo(Map.class) || type.isAssignableTo(Collection.class);
        } catch (RuntimeException | LinkageError e) {
            // A hierarchy that cannot be read fully is left alone rather than guessed.
            return false;
        }
    }
}
