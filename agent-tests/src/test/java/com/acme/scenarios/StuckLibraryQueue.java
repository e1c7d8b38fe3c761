package com.acme.scenarios;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;

import com.google.common.collect.Queues;

/**
 * A queue wrapped by a known library (Guava's synchronized queue, whose size() synchronizes on the
 * wrapper), locked for good by one application thread, next to a list that leaks. Runs until stopped.
 */
public final class StuckLibraryQueue {

    /** Jobs waiting for a worker that holds the queue's lock and never lets go. */
    static final class JobBoard {
        private final Queue<String> pending = Queues.synchronizedQueue(new ArrayDeque<>());
    }

    /** Remembers every request it saw: the leak. */
    static final class RequestLog {
        private final List<String> seen = new ArrayList<>();
    }

    public static void main(String[] args) throws InterruptedException {
        JobBoard board = new JobBoard();
        board.pending.add("first job");
        CountDownLatch locked = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (board.pending) {
                locked.countDown();
                while (true) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        // The lock is never let go.
                    }
                }
            }
        }, "job-board-owner");
        holder.setDaemon(true);
        holder.start();
        locked.await();
        RequestLog log = new RequestLog();
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            for (int i = 0; i < 40; i++) {
                log.seen.add("request-" + tick + "-" + i);
            }
            Thread.sleep(10);
        }
    }
}
