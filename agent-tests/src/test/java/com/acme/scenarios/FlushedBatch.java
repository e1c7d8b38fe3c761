package com.acme.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A batch list that fills to 50,000 items in just under five seconds and is flushed (cleared), again and
 * again: a bounded oscillation whose period is close to a quarter of a 20 s window. With the argument
 * {@code control-leak}, one real leak runs beside it so that a test can tell a silent agent from a deaf one.
 */
public final class FlushedBatch {

    private static final int BATCH_SIZE = 50_000;
    /** Items per second: the batch fills in about 4.95 s, so the sampling phase drifts by 50 ms a flush. */
    private static final long ITEMS_PER_SECOND = 10_100;

    /** Collects items and hands them on in batches. */
    static final class BatchWriter {
        private final List<String> pending = new ArrayList<>();
        private long filledSince = System.nanoTime();
        private long flushed;

        /** Adds the items due by now, flushing the batch whenever it is full. */
        void fill() {
            long due = (System.nanoTime() - filledSince) * ITEMS_PER_SECOND / 1_000_000_000L;
            while (pending.size() < due) {
                pending.add("item");
                if (pending.size() == BATCH_SIZE) {
                    flushed += pending.size();
                    pending.clear();
                    filledSince = System.nanoTime();
                    return;
                }
            }
        }
    }

    /** The one real leak, present only with {@code control-leak}. */
    static final class ControlLeak {
        static final Map<Integer, String> RECORDS = new ConcurrentHashMap<>();
    }

    public static void main(String[] args) throws InterruptedException {
        boolean controlLeak = args.length > 0 && args[0].equals("control-leak");
        BatchWriter batch = new BatchWriter();
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            batch.fill();
            if (controlLeak) {
                for (int i = 0; i < 30; i++) {
                    ControlLeak.RECORDS.put(tick * 30 + i, "record");
                }
            }
            if (batch.flushed < 0) {
                System.out.println(batch.flushed);
            }
            Thread.sleep(10);
        }
    }
}
