package org.other.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A leak in a package leakwatch does not instrument: only the heap shows it. It grows at a steady
 * pace beside what a service allocates anyway (short-lived garbage, and medium-lived objects that are
 * promoted and die in the old generation), and prints the moment it runs out of memory.
 */
public final class UninstrumentedHeapLeak {

    private static final List<long[]> RETAINED = new ArrayList<>();
    /** Short-lived garbage escapes through here, so the JIT cannot optimise its allocation away. */
    private static volatile byte[] lastGarbage;
    /** Objects that live a few seconds, like sessions or cached responses: about 8 MB at any time. */
    private static final byte[][] MEDIUM_LIVED = new byte[4096][];

    public static void main(String[] args) throws InterruptedException {
        int kilobytesPerTick = Integer.parseInt(args[0]);
        System.out.println("started");
        long garbage = 0;
        try {
            while (true) {
                for (int i = 0; i < kilobytesPerTick; i++) {
                    RETAINED.add(new long[120]);
                }
                for (int i = 0; i < 16; i++) {
                    MEDIUM_LIVED[(int) (garbage / 1024 + i) % MEDIUM_LIVED.length] = new byte[2048];
                }
                for (int i = 0; i < 2000; i++) {
                    lastGarbage = new byte[1024];
                    garbage += lastGarbage.length;
                }
                Thread.sleep(10);
            }
        } catch (OutOfMemoryError e) {
            RETAINED.clear();
            System.out.println("OutOfMemoryError at " + System.currentTimeMillis() + " after " + garbage);
            System.exit(3);
        }
    }
}
