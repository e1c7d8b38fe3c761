package com.acme.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the heap to the last few bytes and holds it full for a while, so that the agent's own threads meet
 * {@code OutOfMemoryError}s too, then frees it and starts a leak that the agent must still report.
 */
public final class HeapSqueeze {

    /** Grows only after the heap was freed. */
    static final class LateLeak {
        static final Map<String, byte[]> ENTRIES = new HashMap<>();
    }

    private static final int[] CHUNK_SIZES = {1 << 16, 1 << 10, 64, 16};

    /** A field, not a local: once cleared nothing keeps the ballast reachable, whatever the JIT did with the frame. */
    private static List<Object> ballast;

    public static void main(String[] args) throws Exception {
        long holdMillis = Long.parseLong(args[0]);
        Thread.sleep(2_500);
        // Links every call made while the heap is full now: linking a call the first time allocates.
        System.nanoTime();
        freeTheHeap();
        ballast = new ArrayList<>(1 << 20);
        int outOfMemory = 0;
        for (int size : CHUNK_SIZES) {
            try {
                while (true) {
                    ballast.add(new byte[size]);
                }
            } catch (OutOfMemoryError full) {
                outOfMemory++;
            }
        }
        long until = System.nanoTime() + holdMillis * 1_000_000L;
        while (System.nanoTime() < until) {
            try {
                ballast.add(new byte[16]);
            } catch (OutOfMemoryError stillFull) {
                outOfMemory++;
            }
            Thread.sleep(10);
        }
        int held = ballast.size();
        ballast = null;
        freeTheHeap();
        // No string concatenation: its first use links invokedynamic call sites, which needs memory to spare.
        System.out.println(new StringBuilder("heap was full (").append(held).append(" chunks, ").append(outOfMemory)
                .append(" OutOfMemoryErrors); freed").toString());
        for (int round = 0; ; round++) {
            for (int i = 0; i < 20; i++) {
                LateLeak.ENTRIES.put(Integer.toString(round * 20 + i), new byte[16]);
            }
            Thread.sleep(50);
        }
    }

    private static void freeTheHeap() {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                System.gc();
                return;
            } catch (OutOfMemoryError stillFull) {
                // Another thread may still hold memory for a moment; try again.
            }
        }
    }
}
