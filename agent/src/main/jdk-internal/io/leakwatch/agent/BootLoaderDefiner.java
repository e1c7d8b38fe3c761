package io.leakwatch.agent;

import jdk.internal.misc.Unsafe;

/**
 * Defines a class in the boot loader with a plain call to the JDK's internal {@code Unsafe}, which
 * {@link BootstrapInjector} opens to the agent's own module just before. Compiled apart from the rest of the
 * agent (its own source folder and compiler execution, against {@code jdk.internal.misc} exported at compile
 * time): the same call through reflection cost the application's start-up 1.5 ms on JDK 17 and 35 ms on
 * JDK 25, where reflection builds method handles the first time a method of each shape is invoked.
 */
final class BootLoaderDefiner {

    private BootLoaderDefiner() {
    }

    static void define(String name, byte[] classFile) {
        Unsafe.getUnsafe().defineClass(name, classFile, 0, classFile.length, null, null);
    }
}
