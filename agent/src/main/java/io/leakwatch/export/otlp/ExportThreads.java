package io.leakwatch.export.otlp;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.leakwatch.log.AgentThreads;

/**
 * The two threads OTLP export runs on, for metrics and alerts alike; with the JDK HttpClient's selector
 * thread, export costs three. Both start with their first task, so export that never sends costs none.
 */
final class ExportThreads {

    private final ScheduledThreadPoolExecutor sending =
            new ScheduledThreadPoolExecutor(1, new AgentThreads("otlp-send"));
    /**
     * Apart from {@link #sending} because a request blocks its sender until the HttpClient's own tasks have run:
     * one thread for both would wait on itself. The queue needs no bound: the HttpClient queues tasks only for
     * the one request the sending thread has in flight.
     */
    private final ThreadPoolExecutor httpClientTasks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), new AgentThreads("otlp-http"));

    /**
     * Sends the requests of both signals, one at a time, and times the metric reader. Requests wait their
     * turn here rather than each taking a thread, so a hanging collector holds up only leakwatch's own export.
     */
    ScheduledExecutorService sending() {
        return sending;
    }

    /** Runs the JDK HttpClient's short asynchronous steps; never blocks. */
    Executor httpClientTasks() {
        return httpClientTasks;
    }

    /** For a start that failed: nothing will be exported. */
    void stop() {
        sending.shutdownNow();
        httpClientTasks.shutdownNow();
    }
}
