package io.leakwatch.respond.action;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.log.AgentThreads;

/**
 * The one thread actions run on, one at a time, behind a small bounded queue: a slow or hanging action delays
 * only the actions queued behind it, never detection or the alerts. Started at the first action, it ends after
 * a while with nothing to do.
 */
final class ActionThread {

    private final Executor executor;

    ActionThread(Executor executor) {
        this.executor = executor;
    }

    static ActionThread start(int queueCapacity) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, LeakwatchConfig.ACTION_THREAD_IDLE_MILLIS,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), new AgentThreads("action"));
        executor.allowCoreThreadTimeOut(true);
        return new ActionThread(executor);
    }

    /** Queues the task; false, with nothing queued, when the queue is full. Never blocks, never throws. */
    boolean offer(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }
}
