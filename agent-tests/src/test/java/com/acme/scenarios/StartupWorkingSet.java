package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;

/**
 * A service that loads its working set at start (about 40 MB within its first seconds) and then serves
 * a steady load of short-lived garbage: its live set ramps and levels off, which is not a leak. With the
 * argument {@code keep-growing} it goes on adding to the working set for ever: its twin that does leak.
 */
public final class StartupWorkingSet {

    /** Rows of about 1 KB each. */
    static final class Catalog {
        static final Map<Integer, long[]> ROWS = new HashMap<>();
    }

    private static final int ROWS_AT_START = 40 * 1024;
    private static final int ROWS_PER_TICK_WHILE_LOADING = 400;
    private static final int ROWS_PER_TICK_WHEN_LEAKING = 20;
    /** Short-lived garbage escapes through here, so the JIT cannot optimise its allocation away. */
    private static volatile byte[] lastGarbage;

    public static void main(String[] args) throws InterruptedException {
        boolean keepGrowing = args.length > 0 && args[0].equals("keep-growing");
        System.out.println("started");
        int next = 0;
        boolean loaded = false;
        try {
            while (true) {
                int rows = next < ROWS_AT_START ? ROWS_PER_TICK_WHILE_LOADING
                        : keepGrowing ? ROWS_PER_TICK_WHEN_LEAKING : 0;
                for (int i = 0; i < rows; i++) {
                    Catalog.ROWS.put(next++, new long[120]);
                }
                if (!loaded && next >= ROWS_AT_START) {
                    loaded = true;
                    System.out.println("loaded");
                }
                for (int i = 0; i < 2000; i++) {
                    lastGarbage = new byte[1024];
                }
                Thread.sleep(10);
            }
        } catch (OutOfMemoryError e) {
            Catalog.ROWS.clear();
            System.out.println("OutOfMemoryError at " + System.currentTimeMillis());
            System.exit(3);
        }
    }
}
