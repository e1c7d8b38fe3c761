package com.acme.scenarios;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a watched class with a container field in a throw-away class loader, fills the container,
 * keeps the loader for a while (the agent's sampler reads the filled container meanwhile), drops it and
 * reports whether the GC could collect it, as an application server undeploying an application would need.
 */
public final class ClassLoaderChurn {

    /** Loaded again in each throw-away loader; its static list is a tracked container site. */
    public static final class Plugin {
        public static final List<byte[]> BUFFERS = new ArrayList<>();

        public static void fill() {
            for (int i = 0; i < 1_000; i++) {
                BUFFERS.add(new byte[1024]);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        URL classes = ClassLoaderChurn.class.getProtectionDomain().getCodeSource().getLocation();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            ClassLoader deployed = loadAndFill(classes);
            loaders.add(new WeakReference<>(deployed));
            // Deployed for a while: long enough for several sampler passes to read the plugin's container.
            Thread.sleep(1_500);
            Reference.reachabilityFence(deployed);
        }
        for (int attempt = 0; attempt < 50 && loaders.stream().anyMatch(ref -> ref.get() != null); attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        long alive = loaders.stream().filter(ref -> ref.get() != null).count();
        System.out.println("loaders still alive: " + alive);
    }

    private static ClassLoader loadAndFill(URL classes) throws Exception {
        // Parent is the platform loader, so Plugin is defined anew by this loader, not found in the app's.
        URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        Class<?> plugin = Class.forName("com.acme.scenarios.ClassLoaderChurn$Plugin", true, loader);
        plugin.getMethod("fill").invoke(null);
        loader.close();
        return loader;
    }
}
