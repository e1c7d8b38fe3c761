package com.acme.scenarios;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * A field that first holds a few short-lived lists, enough to fill the agent's slots for the field,
 * and then, after a collection has freed them, one long-lived list, assigned exactly once, that grows
 * for ever. All of it happens before the agent's first sampler pass. Runs until stopped.
 */
public final class RefilledSite {

    /** A session whose history is replaced a few times at start-up, then kept. */
    static final class Session {
        private List<String> history;
    }

    public static void main(String[] args) throws InterruptedException {
        Session session = new Session();
        List<WeakReference<List<String>>> earlier = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> shortLived = new ArrayList<>();
            earlier.add(new WeakReference<>(shortLived));
            session.history = shortLived;
        }
        session.history = null;
        while (earlier.stream().anyMatch(ref -> ref.get() != null)) {
            System.gc();
        }
        List<String> kept = new ArrayList<>();
        session.history = kept;
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            for (int i = 0; i < 40; i++) {
                kept.add("entry-" + tick + "-" + i);
            }
            Thread.sleep(10);
        }
    }
}
