package com.acme.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A field set over and over to the same list, millions of times a second, as a setter called per request with the
 * configuration's list. Two seconds in, another holder's field at the same site is set once, among those writes, to
 * a list of its own: in {@code leaking} mode that list then grows for ever, otherwise it keeps its size. Every second
 * it prints how many writes it made and, read from the agent, how many containers the agent registered
 * ({@code registrations=n/a} without an agent). Runs until stopped.
 */
public final class RewrittenSite {

    /** Holds whatever list it was last given; its one field is the site. */
    static final class Holder {
        private List<String> items;

        void use(List<String> given) {
            items = given;
        }

        int weight() {
            return items == null ? 0 : items.size();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean leaking = args.length > 0 && "leaking".equals(args[0]);
        Holder perRequest = new Holder();
        List<String> configuration = new ArrayList<>(List.of("eu", "us"));
        Holder other = new Holder();
        List<String> writtenOnce = new ArrayList<>(List.of("first", "second", "third"));
        long started = System.nanoTime();
        long writes = 0;
        long weight = 0;
        long nextReport = started;
        System.out.println("started");
        for (long n = 0; ; n++) {
            perRequest.use(configuration);
            weight += perRequest.weight();
            writes++;
            if ((n & 0xFFFF) == 0) {
                // Millions of writes a second still, but leaving the sampler and the GC threads some of the machine.
                Thread.sleep(5);
                if (other.weight() == 0 && System.nanoTime() - started > 2_000_000_000L) {
                    other.use(writtenOnce);
                    writes++;
                    System.out.println("written once");
                }
                if (leaking && other.weight() > 0) {
                    for (int i = 0; i < 20; i++) {
                        writtenOnce.add("entry-" + n + "-" + i);
                    }
                }
                if (System.nanoTime() - nextReport > 0) {
                    nextReport = System.nanoTime() + 1_000_000_000L;
                    System.out.println("writes=" + writes + " registrations=" + AgentCount.read("registrations")
                            + " weight=" + weight);
                }
            }
        }
    }
}
