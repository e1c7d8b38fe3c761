package org.other.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A leak in a package leakwatch does not instrument: only the heap shows it. Grows at a steady pace
 * with plenty of short-lived garbage beside it, and prints the moment it runs out of memory.
 */
public final class UninstrumentedHeapLeak {

    private static final List<long[]> RETAINED = new ArrayList<>();

    public static void main(String[] args) throws InterruptedException {
        int kilobytesPerTick = Integer.parseInt(args[0]);
        System.out.println("started");
        long garbage = 0;
        try {
            while (true) {
                for (int i = 0; i < kilobytesPerTick; i++) {
                    RETAINED.add(new long[120]);
                }
                for (int i = 0; i < 200; i++) {
                    garbage += new byte[1024].length;
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
