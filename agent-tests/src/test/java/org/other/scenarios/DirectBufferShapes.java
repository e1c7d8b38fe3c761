package org.other.scenarios;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Direct buffer shapes, made by code leakwatch does not instrument, beside short-lived heap garbage at
 * about 16 MB/s, so the heap stays flat while direct memory does what the shape says:
 * <ul>
 * <li>{@code leak}: a library keeps a 64 KB direct buffer for every message, at the given KB per second,
 * until an {@code OutOfMemoryError} for direct buffer memory, which the class library throws (start it with
 * {@code -XX:MaxDirectMemorySize}).</li>
 * <li>{@code pool}: a bounded pool of at most 48 buffers of 512 KB, from which each request borrows a few
 * and returns them; it creates a buffer only when none is free, so it grows to its bound as the load rises
 * over the first seconds, then serves from what it has.</li>
 * <li>{@code churn}: a 256 KB direct buffer per request, used and dropped, at 4 MB/s: direct memory rises
 * between collections and falls at each.</li>
 * <li>{@code warmup}: 24 MB of buffers allocated at a pace that falls off over the first few seconds, kept.</li>
 * </ul>
 * Prints {@code started at <epoch millis>} once running.
 */
public final class DirectBufferShapes {

    private static final int KB = 1024;
    private static final List<ByteBuffer> RETAINED = new ArrayList<>();
    /** Short-lived objects escape through here, so the JIT cannot optimise their allocation away. */
    private static volatile Object lastGarbage;

    /** At most {@code capacity} buffers, created on demand and reused; a borrower finds none when all are out. */
    private static final class BufferPool {
        private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
        private final int capacity;
        private final int bufferBytes;
        private int created;

        BufferPool(int capacity, int bufferBytes) {
            this.capacity = capacity;
            this.bufferBytes = bufferBytes;
        }

        ByteBuffer borrow() {
            if (!free.isEmpty()) {
                return free.pop();
            }
            if (created < capacity) {
                created++;
                return ByteBuffer.allocateDirect(bufferBytes);
            }
            return null;
        }

        void giveBack(ByteBuffer buffer) {
            free.push(buffer.clear());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String shape = args[0];
        long leakKbPerSecond = args.length > 1 ? Long.parseLong(args[1]) : 0;
        long start = System.nanoTime();
        System.out.println("started at " + System.currentTimeMillis());
        BufferPool pool = new BufferPool(48, 512 * KB);
        long shapeUnits = 0;
        long garbageChunks = 0;
        while (true) {
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            long due;
            switch (shape) {
                case "leak":
                    due = elapsedMillis * leakKbPerSecond / 64 / 1000;
                    for (; shapeUnits < due; shapeUnits++) {
                        RETAINED.add(ByteBuffer.allocateDirect(64 * KB).putLong(0, shapeUnits));
                    }
                    break;
                case "pool":
                    // Requests in flight at once: up to 16 at first, up to 64 after 5 s (more than the pool holds).
                    int inFlight = ThreadLocalRandom.current().nextInt(elapsedMillis < 5_000 ? 16 : 64) + 1;
                    List<ByteBuffer> borrowed = new ArrayList<>();
                    for (int i = 0; i < inFlight; i++) {
                        ByteBuffer buffer = pool.borrow();
                        if (buffer != null) {
                            borrowed.add(buffer.putLong(0, i));
                        }
                    }
                    borrowed.forEach(pool::giveBack);
                    break;
                case "churn":
                    due = elapsedMillis * 16 / 1000;
                    for (; shapeUnits < due; shapeUnits++) {
                        lastGarbage = ByteBuffer.allocateDirect(256 * KB).putLong(0, shapeUnits);
                    }
                    break;
                case "warmup":
                    due = (long) (96 * (1 - Math.exp(-elapsedMillis / 3000.0)));
                    for (; shapeUnits < due; shapeUnits++) {
                        RETAINED.add(ByteBuffer.allocateDirect(256 * KB));
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown shape " + shape);
            }
            for (long dueGarbage = elapsedMillis * 16; garbageChunks < dueGarbage; garbageChunks++) {
                lastGarbage = new byte[KB];
            }
            Thread.sleep(5);
        }
    }
}
