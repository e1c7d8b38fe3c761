package io.leakwatch.instrument;

/**
 * Answers whether classes of a loader can call the bridge: whether the loader resolves the bridge's name
 * to the very class the agent installed its handler on (the boot loader's). JBoss Modules and OSGi
 * frameworks delegate only {@code java.*} to the boot loader by default; a class of theirs that called
 * the bridge would die with {@code NoClassDefFoundError}, and one that found a stale copy of the bridge
 * elsewhere would report to nobody. Their classes must load unchanged. The answer is asked once per
 * loader and remembered weakly, so no loader is kept alive.
 */
final class BridgeVisibility {

    /** Told once per loader that cannot see the bridge. */
    interface Refusals {
        void cannotSeeBridge(ClassLoader loader, String firstClassName);
    }

    private final Class<?> bridge;
    private final Refusals refusals;
    private final WeakLoaderAnswers answers = new WeakLoaderAnswers();

    BridgeVisibility(Class<?> bridge, Refusals refusals) {
        this.bridge = bridge;
        this.refusals = refusals;
    }

    /**
     * Whether {@code loader} sees the agent's bridge; {@code className} is the class being transformed,
     * named in the notice. Never throws. Called inside {@code transform()}, whose guard keeps classes that
     * the loader loads meanwhile from being transformed in turn. No lock of ours is held while the loader
     * works, so that two threads defining classes in two loaders cannot deadlock through us.
     */
    boolean canSeeBridge(ClassLoader loader, String className) {
        Boolean known = answers.get(loader);
        if (known != null) {
            return known;
        }
        Boolean resolved = resolveBridge(loader);
        if (resolved == null) {
            return false;
        }
        if (answers.putIfAbsent(loader, resolved) && !resolved) {
            refusals.cannotSeeBridge(loader, className);
        }
        return resolved;
    }

    /**
     * Only the bridge's own name is asked for, without initialising anything: exactly what the JVM would
     * ask this loader at the class's first instrumented write, done ahead of time. No application class is
     * loaded for it. Null when the loader failed in a way that may not last; that class is left unchanged,
     * and the next one asks again.
     */
    private Boolean resolveBridge(ClassLoader loader) {
        try {
            return Class.forName(bridge.getName(), false, loader) == bridge;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return Boolean.FALSE;
        } catch (RuntimeException unexpected) {
            return null;
        }
    }
}
