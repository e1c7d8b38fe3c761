package com.acme.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A healthy service: every request gets its own small list in a field, and drops it when done. The
 * field's site is full of such lists all the time; nothing leaks. Runs until stopped.
 */
public final class BusyHealthySite {

    /** One request's scratch state. */
    static final class Request {
        private final List<String> items = new ArrayList<>();

        Request(int n) {
            items.add("item-" + n);
        }

        int weight() {
            return items.size();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long handled = 0;
        System.out.println("started");
        for (int batch = 0; ; batch++) {
            for (int i = 0; i < 20_000; i++) {
                handled += new Request(i).weight();
            }
            if (batch % 100 == 0) {
                System.out.println("handled " + handled);
            }
            Thread.sleep(5);
        }
    }
}
