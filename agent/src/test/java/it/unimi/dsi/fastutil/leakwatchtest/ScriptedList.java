package it.unimi.dsi.fastutil.leakwatchtest;

import java.util.AbstractList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands for a known library's collection (its package makes it one) whose size() a test scripts: it may throw,
 * or move the sampler's clock on as a slow call would. Counts its calls.
 */
public final class ScriptedList extends AbstractList<String> {

    public final AtomicLong clock;
    public volatile boolean throwing;
    public volatile long takesNanos;
    public volatile int size;
    public volatile int calls;

    public ScriptedList(AtomicLong clock, int size) {
        this.clock = clock;
        this.size = size;
    }

    @Override
    public String get(int index) {
        throw new IndexOutOfBoundsException();
    }

    @Override
    public int size() {
        calls++;
        clock.addAndGet(takesNanos);
        if (throwing) {
            throw new IllegalStateException("scripted failure");
        }
        return size;
    }
}
