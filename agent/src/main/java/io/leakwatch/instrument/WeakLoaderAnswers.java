package io.leakwatch.instrument;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A yes/no answer per class loader, held weakly and by identity: a loader the application drops is
 * collected as if the agent had never seen it (its entry goes with it), and no method of the loader, not
 * even an overridden {@code hashCode} or {@code equals}, is called. Thread-safe.
 */
final class WeakLoaderAnswers {

    /** One loader's answer; the reference is cleared, and the entry removed, once the loader is collected. */
    private static final class Answer extends WeakReference<ClassLoader> {
        final int identity;
        final boolean yes;

        Answer(ClassLoader loader, boolean yes, ReferenceQueue<ClassLoader> cleared) {
            super(loader, cleared);
            this.identity = System.identityHashCode(loader);
            this.yes = yes;
        }
    }

    private final Map<Integer, List<Answer>> byIdentity = new HashMap<>();
    private final ReferenceQueue<ClassLoader> cleared = new ReferenceQueue<>();

    /** The answer recorded for {@code loader}, or null if there is none. */
    synchronized Boolean get(ClassLoader loader) {
        removeCollected();
        List<Answer> candidates = byIdentity.get(System.identityHashCode(loader));
        if (candidates != null) {
            for (Answer answer : candidates) {
                if (answer.get() == loader) {
                    return answer.yes;
                }
            }
        }
        return null;
    }

    /** Records the answer unless one is already there; returns whether this call recorded it. */
    synchronized boolean putIfAbsent(ClassLoader loader, boolean yes) {
        if (get(loader) != null) {
            return false;
        }
        // No computeIfAbsent: a lambda's first use costs the class being loaded (the first watched one) a millisecond.
        List<Answer> sameIdentity = byIdentity.get(System.identityHashCode(loader));
        if (sameIdentity == null) {
            sameIdentity = new ArrayList<>(1);
            byIdentity.put(System.identityHashCode(loader), sameIdentity);
        }
        sameIdentity.add(new Answer(loader, yes, cleared));
        return true;
    }

    /** Loaders whose answer is held, the collected ones excepted. */
    synchronized int size() {
        removeCollected();
        int size = 0;
        for (List<Answer> answers : byIdentity.values()) {
            size += answers.size();
        }
        return size;
    }

    private void removeCollected() {
        for (Reference<? extends ClassLoader> gone = cleared.poll(); gone != null; gone = cleared.poll()) {
            Answer answer = (Answer) gone;
            List<Answer> candidates = byIdentity.get(answer.identity);
            if (candidates != null && candidates.remove(answer) && candidates.isEmpty()) {
                byIdentity.remove(answer.identity);
            }
        }
    }
}
