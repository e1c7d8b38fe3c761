package io.leakwatch.instrument;

import java.util.concurrent.atomic.AtomicInteger;

import io.leakwatch.log.AgentLog;

/**
 * Tells the user, once per loader and for a few loaders only, which class loader cannot see the bridge
 * and what the platform needs so that its classes can be watched. An OSGi framework has a loader per
 * bundle: the first few name the problem, the rest are counted in {@code leakwatch.classes.skipped}.
 */
final class UnwatchableLoaderNotice implements BridgeVisibility.Refusals {

    /** Enough to name the loaders of a platform; more lines would say nothing new. */
    private static final int MAX_NOTICES = 8;

    static final String PLATFORM_FIX = "add io.leakwatch.bootstrap to the platform's boot-delegated packages"
            + " (JBoss Modules / WildFly: jboss.modules.system.pkgs; OSGi: org.osgi.framework.bootdelegation)";

    private final AtomicInteger notices = new AtomicInteger();

    @Override
    public void cannotSeeBridge(ClassLoader loader, String firstClassName) {
        int notice = notices.incrementAndGet();
        if (notice > MAX_NOTICES + 1) {
            return;
        }
        if (notice == MAX_NOTICES + 1) {
            AgentLog.line("more class loaders cannot see io.leakwatch.bootstrap; their classes run unwatched,"
                    + " counted in leakwatch.classes.skipped without further notice");
            return;
        }
        // getName() is final in ClassLoader: no application code runs to name the loader.
        String name = loader.getName() == null ? "" : " \"" + loader.getName() + "\"";
        AgentLog.line("classes of class loader " + loader.getClass().getName() + name + " (first " + firstClassName
                + ") run unwatched: that loader cannot see io.leakwatch.bootstrap.LeakwatchBridge; to watch them, "
                + PLATFORM_FIX);
    }
}
