package com.acme.payment;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Ends the process when the JVM runs out of memory, as {@code -XX:+ExitOnOutOfMemoryError} would, so that
 * a service that can no longer work is seen to die instead of limping on; other failures are only reported.
 */
public final class FatalErrorHandler implements Thread.UncaughtExceptionHandler {
    /** The status {@code -XX:+ExitOnOutOfMemoryError} exits with, so scripts can treat both alike. */
    public static final int OUT_OF_MEMORY_STATUS = 3;
    private static final int MAX_CAUSE_DEPTH = 16;
    /** Enough for the last message and for the JVM to link the native halt, both of which allocate. */
    private static final int RESERVE_BYTES = 4 * 1024 * 1024;

    private final PrintStream err;
    private final LongSupplier uptimeMillis;
    private final IntConsumer halt;
    // Held only to be dropped: when the heap is full even Runtime.halt fails for want of a few bytes.
    private volatile byte[] reserve = new byte[RESERVE_BYTES];

    /**
     * @param uptimeMillis the time since the JVM started, for the fatal message
     * @param halt ends the process with a status; {@link Runtime#halt} in production
     */
    public FatalErrorHandler(PrintStream err, LongSupplier uptimeMillis, IntConsumer halt) {
        this.err = err;
        this.uptimeMillis = uptimeMillis;
        this.halt = halt;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        // Dropped first: even telling an OutOfMemoryError apart allocates when the class reference is resolved.
        reserve = null;
        OutOfMemoryError outOfMemory = findOutOfMemory(failure);
        if (outOfMemory != null) {
            exit(thread, outOfMemory);
            return;
        }
        err.println("[payment] uncaught failure in thread " + thread.getName() + ": " + failure);
        failure.printStackTrace(err);
        reserve = new byte[RESERVE_BYTES];
    }

    /** Reports the error and halts; synchronized so that of many threads failing at once, one reports. */
    private synchronized void exit(Thread thread, OutOfMemoryError outOfMemory) {
        try {
            err.println("[payment] fatal: " + outOfMemory + " in thread " + thread.getName() + " after "
                    + uptimeMillis.getAsLong() / 1000 + " s; exiting with status " + OUT_OF_MEMORY_STATUS);
            err.flush();
        } finally {
            // Halt, not exit: shutdown hooks would need the memory that is gone and could hang the JVM.
            halt.accept(OUT_OF_MEMORY_STATUS);
        }
    }

    /** The OutOfMemoryError that caused {@code failure}, possibly wrapped, or {@code null}. */
    static OutOfMemoryError findOutOfMemory(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof OutOfMemoryError outOfMemory) {
                return outOfMemory;
            }
            current = current.getCause();
        }
        return null;
    }
}
