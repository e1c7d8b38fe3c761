package io.leakwatch.track;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Whether calling a container's {@code size()} or iterating it runs only code of the JDK or of a
 * known collection library. Application code might throw, block, hit a database (lazy ORM
 * collections) or take O(n); it is never called.
 */
final class TrustedImplementations {

    /** Collection libraries whose size() and iterators are plain in-memory reads. */
    private static final List<String> KNOWN_LIBRARIES = List.of(
            "com.google.common.collect.", "it.unimi.dsi.fastutil.", "org.eclipse.collections.",
            "org.apache.commons.collections4.", "gnu.trove.", "org.agrona.collections.", "com.carrotsearch.hppc.");

    private static final ClassValue<Boolean> SIZE_TRUSTED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isDeclaredByTrustedCode(type, "size");
        }
    };

    private static final ClassValue<Boolean> ITERATION_TRUSTED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isDeclaredByTrustedCode(type, java.util.Map.class.isAssignableFrom(type) ? "entrySet" : "iterator");
        }
    };

    private TrustedImplementations() {
    }

    static boolean sizeIsTrusted(Class<?> containerType) {
        return SIZE_TRUSTED.get(containerType);
    }

    static boolean iterationIsTrusted(Class<?> containerType) {
        return sizeIsTrusted(containerType) && ITERATION_TRUSTED.get(containerType);
    }

    /**
     * The implementation that runs is the one {@code getMethod} finds; it is trusted when a concrete
     * JDK or library class declares it (an abstract JDK base such as AbstractMap calls back into the
     * application's own methods).
     */
    private static boolean isDeclaredByTrustedCode(Class<?> type, String methodName) {
        try {
            Method method = type.getMethod(methodName);
            Class<?> declaring = method.getDeclaringClass();
            if (Modifier.isAbstract(declaring.getModifiers()) || declaring.isInterface()) {
                return false;
            }
            return isJdkClass(declaring) || isKnownLibraryClass(declaring.getName());
        } catch (NoSuchMethodException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean isJdkClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static boolean isKnownLibraryClass(String name) {
        for (String prefix : KNOWN_LIBRARIES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
