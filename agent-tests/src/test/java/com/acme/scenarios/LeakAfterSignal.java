package com.acme.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * One leak from the start, and a second site that churns within a bound until a file (the first argument)
 * exists, and from then on leaks too: a test can make the second leak begin only after something it waits for
 * (an action started) has happened.
 */
public final class LeakAfterSignal {

    /** Leaks from the start. */
    static final class SessionRegistry {
        static final List<String> sessions = new ArrayList<>();
    }

    /** Bounded until the signal, then never emptied again. */
    static final class RetryQueue {
        static final List<String> pending = new ArrayList<>();
    }

    public static void main(String[] args) throws InterruptedException {
        Path signal = Paths.get(args[0]);
        boolean signalled = false;
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            for (int i = 0; i < 20; i++) {
                SessionRegistry.sessions.add("session-" + tick + "-" + i);
            }
            if (!signalled && tick % 10 == 0) {
                signalled = Files.exists(signal);
            }
            RetryQueue.pending.add("retry-" + tick);
            if (!signalled && RetryQueue.pending.size() > 50) {
                RetryQueue.pending.clear();
            }
            if (signalled) {
                for (int i = 0; i < 19; i++) {
                    RetryQueue.pending.add("retry-" + tick + "-" + i);
                }
            }
            Thread.sleep(50);
        }
    }
}
