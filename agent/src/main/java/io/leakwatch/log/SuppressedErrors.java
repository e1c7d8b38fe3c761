package io.leakwatch.log;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * Errors the agent caught and counted instead of letting them reach the application or stop one of its
 * threads, by where they were caught; exported as {@code leakwatch.errors.suppressed}. Static, like
 * {@link AgentLog}, which counts its own failures here and is called from everywhere. Counting never
 * allocates, so it works even while the heap is full.
 */
public final class SuppressedErrors {

    /** Where an error was swallowed; the label is the metric's {@code source} attribute. */
    public enum Source {
        /** A line the agent could not print: the application's {@code System.err} threw. */
        LOG("log"),
        /** An alert sink threw; the other sinks still got the alert. */
        ALERT_SINK("alert_sink"),
        /** A sampler pass failed part-way (an {@code OutOfMemoryError}, say); the next pass runs as usual. */
        SAMPLER_PASS("sampler_pass"),
        /** A GC notification could not be read or an observer of it threw. */
        GC_NOTIFICATION("gc_notification"),
        /** The sampler's watchdog failed one check (an {@code OutOfMemoryError}, say); it checks again shortly. */
        WATCHDOG("watchdog"),
        /** Something done in answer to an alert (evidence, a heap dump, an action, a sample line) failed. */
        RESPONDER("responder");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Source[] SOURCES = Source.values();
    /**
     * One counter per source. Not an {@code AtomicLongArray}: its class initialisation builds a method handle for
     * array elements, about a millisecond of the application's start-up, since {@code premain} first uses this class.
     */
    private static final AtomicLong[] counts = new AtomicLong[SOURCES.length];

    static {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicLong();
        }
    }

    private SuppressedErrors() {
    }

    public static void count(Source source) {
        counts[source.ordinal()].incrementAndGet();
    }

    /** Errors swallowed at {@code source} since start. */
    public static long total(Source source) {
        return counts[source.ordinal()].get();
    }

    /** Hands every source's label and count so far to {@code reader}, zeros included. */
    public static void read(ObjLongConsumer<String> reader) {
        for (Source source : SOURCES) {
            reader.accept(source.label(), counts[source.ordinal()].get());
        }
    }
}
