package com.acme.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Plugins of a watched package loaded the way JBoss Modules and OSGi load bundles: by a loader that asks
 * the boot/platform loader only for the packages it is told to (by default {@code java.*}) and defines
 * everything else itself. One loader delegates only {@code java.*}; the other also delegates
 * {@code io.leakwatch.bootstrap}, the documented fix. Next to them a normally loaded class leaks too, so
 * a test can tell that the agent is active. A third loader defines its plugin without giving its name
 * ({@code defineClass(null, ...)}), as some code generators do. Each plugin grows its own static map until
 * the process is stopped.
 */
public final class IsolatedModules {

    /** Loaded by the application class loader, as usual. */
    static final class AppCache {
        static final Map<String, byte[]> ENTRIES = new HashMap<>();
    }

    /** Defined by the loader that delegates only {@code java.*}. */
    public static final class StrictPlugin implements IntUnaryOperator {
        public static final Map<String, byte[]> ENTRIES = new HashMap<>();

        @Override
        public int applyAsInt(int round) {
            for (int i = 0; i < 20; i++) {
                ENTRIES.put(Integer.toString(round * 20 + i), new byte[16]);
            }
            return ENTRIES.size();
        }
    }

    /** Defined by the loader that delegates {@code java.*} and {@code io.leakwatch.bootstrap}. */
    public static final class BootDelegatingPlugin implements IntUnaryOperator {
        public static final Map<String, byte[]> ENTRIES = new HashMap<>();

        @Override
        public int applyAsInt(int round) {
            for (int i = 0; i < 20; i++) {
                ENTRIES.put(Integer.toString(round * 20 + i), new byte[16]);
            }
            return ENTRIES.size();
        }
    }

    /** Defined without a name by a loader that delegates {@code io.leakwatch.bootstrap}. */
    public static final class UnnamedPlugin implements IntUnaryOperator {
        public static final Map<String, byte[]> ENTRIES = new HashMap<>();

        @Override
        public int applyAsInt(int round) {
            for (int i = 0; i < 20; i++) {
                ENTRIES.put(Integer.toString(round * 20 + i), new byte[16]);
            }
            return ENTRIES.size();
        }
    }

    /**
     * Delegates the listed package prefixes to the platform loader (which reaches the boot loader) and
     * defines this scenario's plugin classes itself, from the class files on the normal class path.
     */
    static final class ModuleLoader extends ClassLoader {
        private final List<String> delegated;
        private final boolean namesDefinedClasses;

        ModuleLoader(String name, List<String> delegated, boolean namesDefinedClasses) {
            super(name, null);
            this.delegated = delegated;
            this.namesDefinedClasses = namesDefinedClasses;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = delegated.stream().anyMatch(name::startsWith)
                            ? ClassLoader.getPlatformClassLoader().loadClass(name)
                            : findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.endsWith("Plugin")) {
                throw new ClassNotFoundException(name + " is not exported to module " + getName());
            }
            try (InputStream in = IsolatedModules.class.getResourceAsStream(
                    "/" + name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(namesDefinedClasses ? name : null, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ClassLoader strict = new ModuleLoader("strict-module", List.of("java."), true);
        ClassLoader bootDelegating = new ModuleLoader("boot-delegating-module",
                List.of("java.", "io.leakwatch.bootstrap."), true);
        ClassLoader unnamedDefinitions = new ModuleLoader("unnamed-definitions",
                List.of("java.", "io.leakwatch.bootstrap."), false);
        IntUnaryOperator strictPlugin = plugin("StrictPlugin", strict);
        IntUnaryOperator bootDelegatingPlugin = plugin("BootDelegatingPlugin", bootDelegating);
        IntUnaryOperator unnamedPlugin = plugin("UnnamedPlugin", unnamedDefinitions);
        System.out.println("plugins loaded by " + strictPlugin.getClass().getClassLoader().getName() + " and "
                + bootDelegatingPlugin.getClass().getClassLoader().getName());
        for (int round = 0; ; round++) {
            int strictSize = strictPlugin.applyAsInt(round);
            int bootDelegatingSize = bootDelegatingPlugin.applyAsInt(round);
            int unnamedSize = unnamedPlugin.applyAsInt(round);
            for (int i = 0; i < 20; i++) {
                AppCache.ENTRIES.put(Integer.toString(round * 20 + i), new byte[16]);
            }
            if (round % 20 == 0) {
                System.out.println("round " + round + ": strict plugin holds " + strictSize
                        + ", boot-delegating plugin holds " + bootDelegatingSize
                        + ", unnamed plugin holds " + unnamedSize);
            }
            Thread.sleep(50);
        }
    }

    /** The plugin as the module's loader defines it, seen through a {@code java.*} interface both sides share. */
    private static IntUnaryOperator plugin(String simpleName, ClassLoader module) throws Exception {
        Class<?> type = Class.forName("com.acme.scenarios.IsolatedModules$" + simpleName, true, module);
        return (IntUnaryOperator) type.getDeclaredConstructor().newInstance();
    }
}
