package com.acme.payment;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes every thread of the service the same way: daemon, named {@code payment-<role>-<n>}. */
public final class ServiceThreads implements ThreadFactory {
    private final String namePrefix;
    private final AtomicInteger created = new AtomicInteger();

    /** Creates a factory for threads that do the job named by {@code role}, e.g. {@code http}. */
    public ServiceThreads(String role) {
        this.namePrefix = "payment-" + role + "-";
    }

    /**
     * Wraps a periodic task so that a failure is reported like an uncaught exception and the schedule goes on;
     * a scheduled executor would otherwise keep the exception in a future nobody reads and stop the task.
     */
    public static Runnable reportingFailures(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable failure) {
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, failure);
            }
        };
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, namePrefix + created.incrementAndGet());
        // Daemon threads never keep the JVM alive after main has decided to exit.
        thread.setDaemon(true);
        return thread;
    }
}
