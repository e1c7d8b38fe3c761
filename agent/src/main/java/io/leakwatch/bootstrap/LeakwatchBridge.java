package io.leakwatch.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one class that instrumented application code calls. It lives in the boot class loader so that
 * classes of every loader can see it, uses only the JDK, does nothing until the agent installs a
 * handler, and never lets anything escape into the application.
 */
public final class LeakwatchBridge {

    /** Internal name and descriptor used by the bytecode the agent inserts. */
    public static final String INTERNAL_NAME = "io/leakwatch/bootstrap/LeakwatchBridge";
    public static final String ON_FIELD_WRITE = "onFieldWrite";
    public static final String ON_FIELD_WRITE_DESCRIPTOR = "(Ljava/lang/Object;I)V";

    /** Field sites the agent may name; ids at or above it are never handed to the handler. */
    public static final int MAX_SITES = 16_384;
    /**
     * How many countdowns each site has: a thread counts down the one its id picks. A power of two, no more than the
     * cores a service runs its request threads on, as a rule; threads whose ids are equal modulo this share one.
     */
    public static final int STRIPES = 16;

    /**
     * Per stripe and site, how many more writes may pass without calling the handler: set by the handler when a look
     * finds nothing to do (a full, churning site keeps a sample, not every container; a container written again is
     * held already), counted down here. Plain and racy on purpose: the common write to a full site costs a load and a
     * store once the JIT inlines {@link #onFieldWrite}, with no call, no dispatch and no fence. A lost or doubled
     * decrement moves the next look by a write. Striped by thread, each stripe an array of its own: with one
     * countdown per site, every instrumented constructor on every core stored to the same cache line, and two threads
     * on two cores paid 15 ns a write for it (JMH, {@code freshContainer} with two threads). Sixteen arrays of 64 KiB
     * rather than one of 1 MiB, which G1 would place in humongous regions (two of them, with 1 MiB regions).
     */
    private static final int[][] WRITES_TO_LET_PASS = new int[STRIPES][MAX_SITES];
    /**
     * Per site, non-zero while every write to it passes after one load, with no countdown: set by the handler at a
     * full, churning site that has backed off as far as it goes, cleared by it at the next collection, a slot on
     * offer or a registration, the only events a look at a full site acts on. A loop of fresh orders ran about 1%
     * faster with the pauses than with the countdown alone ({@code churn-shared}), and a paused site is stored to by
     * no thread. Written only by the agent, a few times per collection, so the line stays in every core's cache.
     */
    private static final byte[] PAUSED = new byte[MAX_SITES];
    /**
     * Per site, the agent's weak reference to the container it last registered there or last found held there, or
     * null: a write of that very container (a field set over and over to the same list) returns after a few loads,
     * with no countdown and no call, since the agent holds it already. Before these, one such re-write in about
     * twelve was handed to the agent to be searched for in the site's slots: +1.9 ns a write in JMH
     * ({@code alreadyTracked}). Set by the agent at a registration or a look, so rarely that the lines stay in every
     * core's cache; holds the agent's own references, which do not keep a container alive.
     */
    private static final WeakReference<?>[] LAST_HELD = new WeakReference<?>[MAX_SITES];

    private static volatile FieldWriteHandler handler;
    /** Guarded by the class's lock. */
    private static boolean writesToLetPassClaimed;
    /** Guarded by the class's lock. */
    private static boolean pausesClaimed;
    /** Guarded by the class's lock. */
    private static boolean lastHeldClaimed;
    private static final AtomicLong suppressedErrors = new AtomicLong();

    private LeakwatchBridge() {
    }

    /**
     * Entry point of the inserted bytecode: lets the write pass while its site is paused, when it writes the
     * container the agent last found held there, or while its countdown runs, else hands the container to the agent.
     * Kept this small so that what the JIT inlines into every instrumented constructor is a few instructions, and the
     * call to the handler, rare on a churning site, stays out of line.
     */
    public static void onFieldWrite(Object container, int siteId) {
        if (siteId >= 0 && siteId < MAX_SITES) {
            if (PAUSED[siteId] != 0) {
                return;
            }
            WeakReference<?> lastHeld = LAST_HELD[siteId];
            if (lastHeld != null && lastHeld.get() == container) {
                // Held already (or null written, or a cleared reference): nothing the agent would do with it.
                return;
            }
            int[] countdowns = WRITES_TO_LET_PASS[currentStripe()];
            int left = countdowns[siteId];
            if (left > 0) {
                countdowns[siteId] = left - 1;
                return;
            }
        }
        handOver(container, siteId);
    }

    /** Which stripe of countdowns the current thread counts down: its id modulo {@link #STRIPES}. */
    public static int currentStripe() {
        return (int) Thread.currentThread().getId() & (STRIPES - 1);
    }

    private static void handOver(Object container, int siteId) {
        if (container == null) {
            return;
        }
        FieldWriteHandler current = handler;
        if (current == null) {
            return;
        }
        try {
            current.onFieldWrite(container, siteId);
        } catch (Throwable t) {
            // The application must never see the agent fail; the count is reported by the agent.
            suppressedErrors.incrementAndGet();
        }
    }

    /**
     * Installs the agent's handler. Only the first call succeeds, and the agent makes it as soon as it has
     * put this class into the boot loader, before any instrumented class can run: so no other code (a plugin
     * that found this public class) can receive the application's containers or silence the agent.
     *
     * @throws IllegalStateException when a handler is installed already
     */
    public static void install(FieldWriteHandler newHandler) {
        if (newHandler == null) {
            throw new IllegalArgumentException("a handler is required");
        }
        synchronized (LeakwatchBridge.class) {
            if (handler != null) {
                throw new IllegalStateException("the leakwatch bridge takes one handler, the agent's, and it is installed");
            }
            handler = newHandler;
        }
    }

    /**
     * The per-site countdowns {@link #onFieldWrite} reads, {@link #STRIPES} arrays of {@link #MAX_SITES} (one per
     * {@link #currentStripe}), for the agent's handler to set. Only the first call
     * succeeds, and the agent makes it with {@link #install}: no other code can silence a site this way.
     *
     * @throws IllegalStateException when the countdowns were claimed already
     */
    public static int[][] claimWritesToLetPass() {
        synchronized (LeakwatchBridge.class) {
            if (writesToLetPassClaimed) {
                throw new IllegalStateException("the leakwatch bridge's countdowns belong to the agent and are claimed");
            }
            writesToLetPassClaimed = true;
            return WRITES_TO_LET_PASS;
        }
    }

    /**
     * The per-site pauses {@link #onFieldWrite} reads first, one byte per site, for the agent's handler to set and
     * clear. Only the first call succeeds, and the agent makes it with {@link #install}: no other code can silence a
     * site this way.
     *
     * @throws IllegalStateException when the pauses were claimed already
     */
    public static byte[] claimPauses() {
        synchronized (LeakwatchBridge.class) {
            if (pausesClaimed) {
                throw new IllegalStateException("the leakwatch bridge's pauses belong to the agent and are claimed");
            }
            pausesClaimed = true;
            return PAUSED;
        }
    }

    /**
     * The per-site references to the container last found held, one per site, which {@link #onFieldWrite} compares
     * each write with after the pauses, for the agent's handler to set. Only the first call succeeds, and the agent
     * makes it with {@link #install}: no other code can make a container's writes pass unseen this way.
     *
     * @throws IllegalStateException when the references were claimed already
     */
    public static WeakReference<?>[] claimLastHeld() {
        synchronized (LeakwatchBridge.class) {
            if (lastHeldClaimed) {
                throw new IllegalStateException("the leakwatch bridge's last held references belong to the agent and"
                        + " are claimed");
            }
            lastHeldClaimed = true;
            return LAST_HELD;
        }
    }

    /** Errors swallowed on application threads since start. */
    public static long suppressedErrors() {
        return suppressedErrors.get();
    }
}
