package com.acme.scenarios;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Containers of the application's own making whose size() throws or blocks forever. Their methods
 * report any call from a thread that is not the application's, so the output shows whether an agent
 * touched them; otherwise the output depends only on the work done.
 */
public final class MisbehavingContainers {

    static final Thread MAIN = Thread.currentThread();

    static void reportForeignCall(String method) {
        if (Thread.currentThread() != MAIN) {
            System.out.println(method + " called from " + Thread.currentThread().getName());
        }
    }

    /** size() throws. */
    static final class ThrowingMap extends AbstractMap<String, String> {
        private final Map<String, String> delegate = new HashMap<>();

        @Override
        public String put(String key, String value) {
            return delegate.put(key, value);
        }

        @Override
        public int size() {
            reportForeignCall("ThrowingMap.size()");
            throw new IllegalStateException("no size for you");
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            reportForeignCall("ThrowingMap.entrySet()");
            return delegate.entrySet();
        }
    }

    /** size() blocks forever for any thread but main. */
    static final class BlockingList extends AbstractList<String> {
        private final List<String> delegate = new ArrayList<>();

        @Override
        public boolean add(String value) {
            return delegate.add(value);
        }

        @Override
        public String get(int index) {
            return delegate.get(index);
        }

        @Override
        public int size() {
            reportForeignCall("BlockingList.size()");
            if (Thread.currentThread() != MAIN) {
                Object never = new Object();
                synchronized (never) {
                    try {
                        never.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return delegate.size();
        }
    }

    static final class Holder {
        private final ThrowingMap throwing = new ThrowingMap();
        private final BlockingList blocking = new BlockingList();
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = Integer.parseInt(args[0]);
        Holder holder = new Holder();
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 200; i++) {
                holder.throwing.put("k" + round + "-" + i, "v" + i);
                holder.blocking.add("e" + round + "-" + i);
            }
            checksum += holder.blocking.get(round).hashCode();
            System.out.println("round " + round + " checksum " + checksum);
            Thread.sleep(100);
        }
        System.out.println("done");
    }
}
