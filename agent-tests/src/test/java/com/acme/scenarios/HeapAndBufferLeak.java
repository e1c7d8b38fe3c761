package com.acme.scenarios;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A map and a list of direct buffers that only grow, with a full collection every second so that the heap's
 * floor is measured at once: every leakwatch metric, the two exhaustion projections included, is exported
 * within a few windows. Run with a large enough -Xmx and -XX:MaxDirectMemorySize for the test's duration.
 */
public final class HeapAndBufferLeak {

    /** Holds what it is given forever. */
    static final class Store {
        static final Map<Integer, long[]> ENTRIES = new HashMap<>();
    }

    private static final List<ByteBuffer> BUFFERS = new ArrayList<>();
    /** Short-lived garbage escapes through here, so the JIT cannot optimise its allocation away. */
    private static volatile byte[] lastGarbage;

    public static void main(String[] args) throws InterruptedException {
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            for (int i = 0; i < 16; i++) {
                Store.ENTRIES.put(tick * 16 + i, new long[1024]);
            }
            if (tick % 5 == 0) {
                BUFFERS.add(ByteBuffer.allocateDirect(512 * 1024));
            }
            for (int i = 0; i < 200; i++) {
                lastGarbage = new byte[1024];
            }
            if (tick % 20 == 0) {
                System.gc();
            }
            Thread.sleep(50);
        }
    }
}
