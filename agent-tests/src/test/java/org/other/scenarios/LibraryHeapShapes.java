package org.other.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Heap shapes made by code leakwatch does not instrument, so that only the old generation's floor after GC
 * shows them. All of them allocate short-lived garbage at about 16 MB/s besides:
 * <ul>
 * <li>{@code leak}: a library keeps 10 KB arrays at 1 MB/s, and nothing else lives long; it runs until
 * the heap is exhausted (start it with {@code -XX:+ExitOnOutOfMemoryError}).</li>
 * <li>{@code flat}: a live set of about half the heap, filled at start, whose entries are replaced at
 * 4 MB/s: heavy churn that promotes garbage into the old generation, over a flat live set.</li>
 * <li>{@code warmup}: a cache filled at a pace that falls off as it warms (about 18 MB over its first
 * 15 seconds), then left alone.</li>
 * <li>{@code promotion}: objects that live 8 seconds, 4 MB/s of them: more than the survivor space holds,
 * so they are promoted and die in the old generation, which climbs until an old collection frees them.</li>
 * <li>{@code threadlocal}: the same 1 MB/s as {@code leak}, kept in the per-thread lists of a static
 * {@code ThreadLocal} on the four threads of a pool, as a request-context library might.</li>
 * </ul>
 * Prints {@code started at <epoch millis>} once running.
 */
public final class LibraryHeapShapes {

    private static final int KB = 1024;
    private static final int MB = 1024 * KB;
    private static final List<byte[]> RETAINED = new ArrayList<>();
    /** Per pooled thread, what that thread's tasks appended and nothing ever clears. */
    private static final ThreadLocal<List<byte[]>> THREAD_HISTORY = ThreadLocal.withInitial(ArrayList::new);
    /** Short-lived garbage escapes through here, so the JIT cannot optimise its allocation away. */
    private static volatile byte[] lastGarbage;

    public static void main(String[] args) throws InterruptedException {
        String shape = args[0];
        long start = System.nanoTime();
        System.out.println("started at " + System.currentTimeMillis());
        long garbageChunks = 0;
        long shapeBytes = 0;
        byte[][] live = shape.equals("flat") ? new byte[(int) (Runtime.getRuntime().maxMemory() / 2 / (10 * KB))][] : null;
        byte[][] mediumLived = shape.equals("promotion") ? new byte[8 * 4 * MB / (10 * KB)][] : null;
        ExecutorService pool = shape.equals("threadlocal") ? Executors.newFixedThreadPool(4) : null;
        int cursor = 0;
        while (true) {
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            double seconds = elapsedMillis / 1000.0;
            long due;
            switch (shape) {
                case "leak":
                    due = elapsedMillis * MB / 1000;
                    for (; shapeBytes < due; shapeBytes += 10 * KB) {
                        RETAINED.add(new byte[10 * KB]);
                    }
                    break;
                case "flat":
                    for (; cursor < live.length && live[cursor] == null; cursor = Math.min(live.length, cursor + 1)) {
                        live[cursor] = new byte[10 * KB];
                    }
                    due = elapsedMillis * 4L * MB / 1000;
                    for (; shapeBytes < due; shapeBytes += 10 * KB) {
                        live[ThreadLocalRandom.current().nextInt(live.length)] = new byte[10 * KB];
                    }
                    break;
                case "warmup":
                    // 3 MB/s at first, falling off with a 6 s time constant: about 18 MB in all.
                    due = (long) (18.0 * MB * (1 - Math.exp(-seconds / 6.0)));
                    for (; shapeBytes < due; shapeBytes += 10 * KB) {
                        RETAINED.add(new byte[10 * KB]);
                    }
                    break;
                case "promotion":
                    due = elapsedMillis * 4L * MB / 1000;
                    for (; shapeBytes < due; shapeBytes += 10 * KB) {
                        mediumLived[cursor] = new byte[10 * KB];
                        cursor = (cursor + 1) % mediumLived.length;
                    }
                    break;
                case "threadlocal":
                    due = elapsedMillis * MB / 1000;
                    for (; shapeBytes < due; shapeBytes += 10 * KB) {
                        pool.execute(() -> THREAD_HISTORY.get().add(new byte[10 * KB]));
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
