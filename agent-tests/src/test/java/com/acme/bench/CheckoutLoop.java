package com.acme.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;

/**
 * An allocation-heavy checkout loop on one thread or several, the most common shape an instrumented package has:
 * every operation builds an order whose constructor assigns a fresh list and a fresh map, fills them, prices the order
 * and keeps it in a bounded LRU. Run by {@code io.leakwatch.bench.ChurnThroughputBenchmark} and
 * {@code SharedCoreChurnBenchmark} with and without the agent. Arguments: warm-up seconds, measured seconds, the
 * number of threads (1 unless given), each running a loop of its own, and optionally the wall-clock instant (epoch
 * milliseconds) at which the measurement starts, which then ends the warm-up instead of its seconds: JVMs started
 * together measure the same seconds. Prints {@code ops/s N} and, so that a run with the agent can prove it was
 * watched, one {@code agent:} line read from the agent after the measurement.
 */
public final class CheckoutLoop {

    private static final int LRU_ENTRIES = 10_000;
    /** The least warm-up a loop told when to start measuring accepts. */
    private static final long MIN_WARMUP_MILLIS = 3_000;
    private static final String[] SKUS = {"apple", "pear", "plum", "fig", "kiwi", "lime", "date", "melon"};

    /** One checkout: its lines and its attributes, both built fresh by the constructor. */
    static final class Order {
        private final long id;
        private final List<Line> lines;
        private final Map<String, String> attributes;

        Order(long id) {
            this.id = id;
            this.lines = new ArrayList<>();
            this.attributes = new HashMap<>();
        }

        long price() {
            long total = 0;
            for (Line line : lines) {
                total += line.unitCents * line.quantity;
            }
            return "gold".equals(attributes.get("tier")) ? total * 9 / 10 : total;
        }
    }

    /** One line of an order. */
    static final class Line {
        final String sku;
        final long unitCents;
        final int quantity;

        Line(String sku, long unitCents, int quantity) {
            this.sku = sku;
            this.unitCents = unitCents;
            this.quantity = quantity;
        }
    }

    private final Map<Long, Order> recent = new LinkedHashMap<>(LRU_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Order> eldest) {
            return size() > LRU_ENTRIES;
        }
    };
    private long nextId;
    /** Published so that the JIT cannot drop the work. */
    private long checksum;

    long checkout() {
        long id = nextId++;
        Order order = new Order(id);
        int count = 1 + (int) (id & 3);
        for (int i = 0; i < count; i++) {
            order.lines.add(new Line(SKUS[(int) ((id + i) & 7)], 100 + i * 25, 1 + i));
        }
        order.attributes.put("tier", (id & 7) == 0 ? "gold" : "basic");
        order.attributes.put("channel", (id & 1) == 0 ? "web" : "app");
        long price = order.price();
        recent.put(id, order);
        return price;
    }

    /** Runs checkouts until {@code endNanos}; returns how many. */
    long runUntil(long endNanos) {
        long ops = 0;
        while (System.nanoTime() < endNanos) {
            for (int i = 0; i < 1_000; i++) {
                checksum += checkout();
            }
            ops += 1_000;
        }
        return ops;
    }

    public static void main(String[] args) throws Exception {
        double warmupSeconds = Double.parseDouble(args[0]);
        double measureSeconds = Double.parseDouble(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        startUpLikeAService();
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        if (args.length > 3) {
            long untilStart = Long.parseLong(args[3]) - System.currentTimeMillis();
            if (untilStart < MIN_WARMUP_MILLIS) {
                // A JVM that started late would measure code the JIT has not compiled yet: no figure at all instead.
                System.err.println("the measurement starts in " + untilStart + " ms, too soon to warm up (at least "
                        + MIN_WARMUP_MILLIS + " ms); start the loop earlier or later");
                System.exit(2);
            }
            warmupEnd = System.nanoTime() + untilStart * 1_000_000L;
        }
        long measureEnd = warmupEnd + (long) (measureSeconds * 1e9);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CheckoutThread[] loops = new CheckoutThread[threads];
        for (int i = 0; i < threads; i++) {
            // Each thread its own orders and LRU, as request threads of a service: what they share is the code.
            loops[i] = new CheckoutThread(warmupEnd, measureEnd);
            loops[i].start();
        }
        LockSupport.parkNanos(warmupEnd - System.nanoTime());
        long startCpu = os.getProcessCpuTime();
        long ops = 0;
        long checksum = 0;
        for (CheckoutThread loop : loops) {
            loop.join();
            ops += loop.measuredOps;
            checksum += loop.loop.checksum;
        }
        double cpuSeconds = (os.getProcessCpuTime() - startCpu) / 1e9;
        System.out.printf(Locale.ROOT, "ops/s %.0f%n", ops / measureSeconds);
        // Per second of the whole process's CPU (GC and the agent's threads included): what a neighbour's load on a
        // shared machine changes least, since time this process waits for a core is not counted.
        System.out.printf(Locale.ROOT, "ops/cpu-s %.0f%n", ops / cpuSeconds);
        System.out.println("agent: " + AgentEvidence.describe());
        System.out.println("threads " + threads + " checksum " + checksum);
    }

    /** One request thread: warms up until the common deadline, then counts checkouts until the common end. */
    private static final class CheckoutThread extends Thread {
        final CheckoutLoop loop = new CheckoutLoop();
        private final long warmupEnd;
        private final long measureEnd;
        long measuredOps;

        CheckoutThread(long warmupEnd, long measureEnd) {
            super("checkout");
            this.warmupEnd = warmupEnd;
            this.measureEnd = measureEnd;
        }

        @Override
        public void run() {
            loop.runUntil(warmupEnd);
            measuredOps = loop.runUntil(measureEnd);
        }
    }

    /**
     * What any service does before its first request: builds maps and lists of many key types from many call
     * sites. The JIT then compiles {@code HashMap.putVal} on its own before this loop gets hot, and the loop finds
     * it "already compiled into a big method" and calls it instead of inlining it, as in a real service. Without
     * this, whether the loop inlines {@code putVal} depends on which JIT compilation happens first, and anything
     * else that uses maps early (the agent's own start-up does) swings the loop's speed by 15% in either direction.
     * The maps are of three classes (a plain one, a linked one, an access-ordered one that evicts), and keys are put
     * twice as equal, not identical, objects: {@code putVal}'s profile then holds what a service's does (many map
     * classes, many key classes), which an agent's own few maps cannot change. With fewer, an agent's start-up decided
     * what {@code putVal} inlined, and an agent that does nothing cost the loop 6% (on one core shared by the arms).
     */
    static void startUpLikeAService() {
        long sink = 0;
        for (int round = 0; round < 20_000; round++) {
            Map<Object, Object> byString = new HashMap<>();
            Map<Object, Object> byNumber = new LinkedHashMap<>();
            Map<Object, Object> recentlyUsed = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                    return size() > 8;
                }
            };
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byString.put("k" + (i % 10 + round % 7), i);
                // Beyond the boxing caches, so that each key is a new object equal to an earlier one.
                int value = 1_000 + i % 6;
                byNumber.put(i % 2 == 0 ? (Object) Integer.valueOf(value) : (Object) Long.valueOf(value), list);
                recentlyUsed.put(Long.valueOf(1_000 + (round + i) % 12), byString);
                list.add(byString);
            }
            sink += byString.size() + byNumber.size() + recentlyUsed.size() + list.size();
        }
        if (sink == 42) {
            System.out.println("unreachable");
        }
    }
}
