package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;

/**
 * A cache that keeps every response it is given, in a small heap, beside a service's full collections: the heap
 * fills at a steady pace that every full collection confirms, so the heap and then the cache's field become
 * CRITICAL as soon as the evidence allows, long before the heap is exhausted.
 */
public final class ResponseCacheLeak {

    static final Map<Integer, byte[]> RESPONSES = new HashMap<>();

    public static void main(String[] args) throws InterruptedException {
        int kilobytesPerTick = Integer.parseInt(args[0]);
        System.out.println("started");
        int key = 0;
        for (int tick = 1; ; tick++) {
            for (int i = 0; i < kilobytesPerTick; i++) {
                RESPONSES.put(key++, new byte[1024]);
            }
            if (tick % 50 == 0) {
                System.gc();
            }
            Thread.sleep(10);
        }
    }
}
