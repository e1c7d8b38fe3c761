package com.acme.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A site written millions of times by requests whose lists die young; in {@code leaking} mode one long-lived list
 * among them, kept by a session and handed to a request every 1000th time, grows for ever. Every second it prints
 * how many writes it made and, read from the agent after the fact, how many of them the agent looked at on the full
 * site ({@code looks=n/a} without an agent that counts them). Runs until stopped.
 */
public final class ChurningSite {

    /** One request: its items are a fresh list, or the session's when it continues one. */
    static final class Request {
        private final List<String> items;

        Request(List<String> items) {
            this.items = items;
        }

        int weight() {
            return items.size();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean leaking = args.length > 0 && "leaking".equals(args[0]);
        List<String> session = new ArrayList<>();
        long writes = 0;
        long weight = 0;
        long nextReport = System.nanoTime();
        System.out.println("started");
        for (long n = 0; ; n++) {
            boolean continues = leaking && n % 1000 == 0;
            List<String> items = continues ? session : new ArrayList<>();
            items.add("item-" + (n & 15));
            weight += new Request(items).weight();
            writes++;
            if ((n & 0xFFFF) == 0) {
                // Millions of writes a second still, but leaving the sampler and the GC threads some of the machine.
                Thread.sleep(5);
                if (System.nanoTime() - nextReport > 0) {
                    nextReport = System.nanoTime() + 1_000_000_000L;
                    System.out.println("writes=" + writes + " looks=" + AgentCount.read("fullSiteLooks")
                            + " weight=" + weight);
                }
            }
        }
    }
}
