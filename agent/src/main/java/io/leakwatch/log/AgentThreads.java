package io.leakwatch.log;

import java.util.concurrent.ThreadFactory;

/**
 * Makes every thread the agent owns: daemon, named {@code leakwatch-*}, with no context class loader
 * (so it pins none of the application's), and reporting rather than rethrowing what escapes it.
 */
public final class AgentThreads implements ThreadFactory, Thread.UncaughtExceptionHandler {

    private final String name;

    public AgentThreads(String name) {
        this.name = "leakwatch-" + name;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.setUncaughtExceptionHandler(this);
        return thread;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        AgentLog.once("uncaught:" + name,
                "thread " + name + " failed (" + error + "); leakwatch stops that work, the application is unaffected");
    }
}
