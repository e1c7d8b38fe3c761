package it.unimi.dsi.fastutil.leakwatchtest;

import java.util.AbstractList;
import java.util.concurrent.CountDownLatch;

/**
 * Stands for a known library's collection (its package makes it one) whose size() waits on a gate,
 * as a synchronized wrapper waits on a lock the application holds.
 */
public final class GatedList extends AbstractList<String> {

    public final CountDownLatch entered = new CountDownLatch(1);
    public final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public String get(int index) {
        throw new IndexOutOfBoundsException();
    }

    @Override
    public int size() {
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 7;
    }
}
