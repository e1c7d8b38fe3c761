package com.acme.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * together measure the same seconds. Prints {@code ops/s N}, the operations per second of the process's CPU and of
 * the loop threads' own CPU, the other threads' CPU by kind ({@code cpu-ms-by-thread}: GC, JIT, the agent's), and, so
 * that a run with the agent can prove it was watched, one {@code agent:} line read from the agent after the
 * measurement.
 */
public final class CheckoutLoop {

    private static final int LRU_ENTRIES = 10_000;
    /** The least warm-up a loop told when to start measuring accepts. */
    private static final long MIN_WARMUP_MILLIS = 3_000;
    /** How long the loops go on after the measurement's end, so that they are still running when it is read. */
    private static final long LOOPS_RUN_ON_NANOS = 500_000_000L;
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
    /** Checkouts done so far, published once a thousand for the measurement to read. */
    private volatile long completed;

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

    /**
     * Runs checkouts until {@code endNanos}, publishing how many so far after each thousand: the measurement reads
     * the count while the loop runs. A loop that returned at the end of its warm-up and was called again to measure
     * left its compiled code there, in every arm, and the measured seconds began with the JIT compiling it anew.
     */
    void runUntil(long endNanos) {
        long ops = 0;
        while (System.nanoTime() < endNanos) {
            for (int i = 0; i < 1_000; i++) {
                checksum += checkout();
            }
            ops += 1_000;
            completed = ops;
        }
    }

    public static void main(String[] args) throws Exception {
        double warmupSeconds = Double.parseDouble(args[0]);
        double measureSeconds = Double.parseDouble(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        startUpLikeAService();
        // Loads the classes that read the threads' CPU now rather than as the measurement starts.
        Snapshot.take((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean(), new CheckoutThread[0]);
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
            // Each thread its own orders and LRU, as request threads of a service: what they share is the code. They
            // run on past the end, so that they are still running when it is read.
            loops[i] = new CheckoutThread(measureEnd + LOOPS_RUN_ON_NANOS);
            loops[i].start();
        }
        LockSupport.parkNanos(warmupEnd - System.nanoTime());
        Snapshot start = Snapshot.take(os, loops);
        LockSupport.parkNanos(measureEnd - System.nanoTime());
        Snapshot end = Snapshot.take(os, loops);
        long checksum = 0;
        for (CheckoutThread loop : loops) {
            loop.join();
            checksum += loop.loop.checksum;
        }
        long ops = end.completed - start.completed;
        System.out.printf(Locale.ROOT, "ops/s %.0f%n", ops / ((end.nanoTime - start.nanoTime) / 1e9));
        // Per second of the whole process's CPU (GC and the agent's threads included): what a neighbour's load on a
        // shared machine changes least, since time this process waits for a core is not counted.
        System.out.printf(Locale.ROOT, "ops/cpu-s %.0f%n", ops / ((end.processCpuNanos - start.processCpuNanos) / 1e9));
        // Per second of the request threads' own CPU: what the instrumented code itself costs, without the JVM's
        // and the agent's other threads, which the line below shows by name (milliseconds, clock ticks of 10 ms).
        System.out.printf(Locale.ROOT, "ops/loop-cpu-s %.0f%n", ops / ((end.loopCpuNanos - start.loopCpuNanos) / 1e9));
        System.out.println("cpu-ms-by-thread " + end.threadCpu.minus(start.threadCpu));
        System.out.println("agent: " + AgentEvidence.describe());
        System.out.println("threads " + threads + " checksum " + checksum);
    }

    /** What the measurement reads at its start and at its end, all at one instant. */
    private static final class Snapshot {
        final long nanoTime;
        final long completed;
        final long processCpuNanos;
        final long loopCpuNanos;
        final ThreadCpu threadCpu;

        private Snapshot(long nanoTime, long completed, long processCpuNanos, long loopCpuNanos, ThreadCpu threadCpu) {
            this.nanoTime = nanoTime;
            this.completed = completed;
            this.processCpuNanos = processCpuNanos;
            this.loopCpuNanos = loopCpuNanos;
            this.threadCpu = threadCpu;
        }

        static Snapshot take(OperatingSystemMXBean os, CheckoutThread[] loops) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long completed = 0;
            long loopCpu = 0;
            for (CheckoutThread loop : loops) {
                completed += loop.loop.completed;
                loopCpu += threads.getThreadCpuTime(loop.getId());
            }
            return new Snapshot(System.nanoTime(), completed, os.getProcessCpuTime(), loopCpu, ThreadCpu.read());
        }
    }

    /** One request thread: runs checkouts until its end, through the warm-up and the measurement alike. */
    private static final class CheckoutThread extends Thread {
        final CheckoutLoop loop = new CheckoutLoop();
        private final long endNanos;

        CheckoutThread(long endNanos) {
            super("checkout");
            this.endNanos = endNanos;
        }

        @Override
        public void run() {
            loop.runUntil(endNanos);
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
