package io.leakwatch.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tells whether a class has finished its static initialisation, without triggering it. Reading a
 * static field by reflection initialises the class, running application code the agent must never
 * run; the JDK answers the question only through its internal {@code Unsafe}, whose package is
 * exported to the agent's own module and to no other.
 */
final class ClassInitialization {

    private static final String UNSAFE = "jdk.internal.misc.Unsafe";

    private final Object unsafe;
    private final Method shouldBeInitialized;

    private ClassInitialization(Object unsafe, Method shouldBeInitialized) {
        this.unsafe = unsafe;
        this.shouldBeInitialized = shouldBeInitialized;
    }

    /** Empty, with the reason in {@code onFailure}, when this JDK does not let the agent ask. */
    static Optional<ClassInitialization> open(Instrumentation instrumentation, Consumer<String> onFailure) {
        try {
            Module javaBase = Object.class.getModule();
            instrumentation.redefineModule(javaBase, Set.of(),
                    Map.of("jdk.internal.misc", Set.of(ClassInitialization.class.getModule())), Map.of(), Set.of(),
                    Map.of());
            Class<?> unsafeType = Class.forName(UNSAFE);
            Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
            return Optional.of(new ClassInitialization(unsafe,
                    unsafeType.getMethod("shouldBeInitialized", Class.class)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            onFailure.accept(e.toString());
            return Optional.empty();
        }
    }

    /** True only when the class is known to be initialised; any doubt answers false. */
    boolean isInitialized(Class<?> type) {
        try {
            return !(Boolean) shouldBeInitialized.invoke(unsafe, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
