package io.leakwatch.log;

import java.util.concurrent.ThreadFactory;

/**
 * Makes every thread the agent owns: daemon, named {@code leakwatch-*}, with no context class loader
 * (so it pins none of the application's), and reporting rather than rethrowing what escapes it.
 */
public final class AgentThreads implements ThreadFactory {

    private final String name;

    public AgentThreads(String name) {
        this.name = "leakwatch-" + name;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.setUncaughtExceptionHandler((t, e) -> AgentLog.once("uncaught:" + name,
                "thread " + name + " failed (" + e + "); leakwatch stops that work, the application is unaffected"));
        return thread;
    }
}
