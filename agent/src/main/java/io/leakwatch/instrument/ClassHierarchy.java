package io.leakwatch.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import net.bytebuddy.jar.asm.ClassReader;

/**
 * Answers whether a type is a {@code Map}, a {@code Collection} or a Caffeine or Guava cache by reading class-file headers through
 * the class loader that defines the class being transformed, so that no application class is loaded.
 * One instance serves one transformation, and remembers what it read for it.
 */
final class ClassHierarchy {

    /** Deeper hierarchies are not containers anyone writes to a field, and a cycle must end. */
    private static final int MAX_DEPTH = 32;

    private final ClassLoader loader;
    private final JdkContainerTypes jdkTypes;
    private final Map<String, Boolean> answers = new HashMap<>();

    ClassHierarchy(ClassLoader loader, JdkContainerTypes jdkTypes) {
        this.loader = loader;
        this.jdkTypes = jdkTypes;
    }

    /** Whether a field of this descriptor, e.g. {@code Ljava/util/HashMap;}, holds a container. */
    boolean isContainerDescriptor(String descriptor) {
        if (descriptor.length() < 3 || descriptor.charAt(0) != 'L') {
            return false;
        }
        return isContainer(descriptor.substring(1, descriptor.length() - 1), 0);
    }

    private boolean isContainer(String internalName, int depth) {
        if (CacheTypes.isCache(internalName)) {
            return true;
        }
        if (internalName.startsWith("java/")) {
            return jdkTypes.isContainer(internalName);
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        Boolean known = answers.get(internalName);
        if (known != null) {
            return known;
        }
        boolean container = readsAsContainer(internalName, depth);
        answers.put(internalName, container);
        return container;
    }

    private boolean readsAsContainer(String internalName, int depth) {
        ClassReader header = header(internalName);
        if (header == null) {
            // A hierarchy that cannot be read is left alone rather than guessed.
            return false;
        }
        String superName = header.getSuperName();
        if (superName != null && isContainer(superName, depth + 1)) {
            return true;
        }
        for (String implemented : header.getInterfaces()) {
            if (isContainer(implemented, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private ClassReader header(String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : new ClassReader(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
