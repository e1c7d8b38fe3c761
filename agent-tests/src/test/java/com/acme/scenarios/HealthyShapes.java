package com.acme.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Four ways of using memory that are not leaks, side by side, and, with the argument
 * {@code control-leak}, one real leak so that a test can tell a silent agent from a deaf one.
 */
public final class HealthyShapes {

    /** A bounded LRU cache, filled at a high rate. */
    static final class LruCache {
        private static final int CAPACITY = 2_000;
        private final Map<Integer, String> entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
                return size() > CAPACITY;
            }
        };

        void put(int key) {
            entries.put(key, "value-" + key);
        }
    }

    /** A list that collects a batch and is cleared every couple of seconds. */
    static final class BatchBuffer {
        private final List<String> pending = new ArrayList<>();
        private long lastFlush = System.nanoTime();

        void add(String item) {
            pending.add(item);
            if (System.nanoTime() - lastFlush > 2_000_000_000L) {
                pending.clear();
                lastFlush = System.nanoTime();
            }
        }
    }

    /** A cache that fills within a few seconds of start and then stays flat. */
    static final class WarmCache {
        static final Map<Integer, String> COUNTRIES = new ConcurrentHashMap<>();
    }

    /** Millions of short-lived objects, each holding its own small collection. */
    static final class Order {
        private final List<String> items = new ArrayList<>();

        Order(int n) {
            for (int i = 0; i < 3; i++) {
                items.add("item-" + n + "-" + i);
            }
        }

        int count() {
            return items.size();
        }
    }

    /** The one real leak, present only with {@code control-leak}. */
    static final class ControlLeak {
        static final Map<Integer, String> RECORDS = new ConcurrentHashMap<>();
    }

    public static void main(String[] args) throws InterruptedException {
        boolean controlLeak = args.length > 0 && args[0].equals("control-leak");
        LruCache lru = new LruCache();
        BatchBuffer batch = new BatchBuffer();
        long checksum = 0;
        System.out.println("started");
        long start = System.nanoTime();
        for (int tick = 0; ; tick++) {
            for (int i = 0; i < 200; i++) {
                lru.put(tick * 200 + i);
            }
            for (int i = 0; i < 20; i++) {
                batch.add("event-" + tick + "-" + i);
            }
            if (System.nanoTime() - start < 3_000_000_000L) {
                for (int i = 0; i < 40; i++) {
                    WarmCache.COUNTRIES.put(tick * 40 + i, "country");
                }
            }
            for (int i = 0; i < 2_000; i++) {
                checksum += new Order(i).count();
            }
            if (controlLeak) {
                for (int i = 0; i < 30; i++) {
                    ControlLeak.RECORDS.put(tick * 30 + i, "record");
                }
            }
            if (checksum < 0) {
                System.out.println(checksum);
            }
            Thread.sleep(10);
        }
    }
}
