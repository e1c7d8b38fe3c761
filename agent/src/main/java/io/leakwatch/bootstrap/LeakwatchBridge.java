package io.leakwatch.bootstrap;

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

    private static volatile FieldWriteHandler handler;
    private static final AtomicLong suppressedErrors = new AtomicLong();

    private LeakwatchBridge() {
    }

    /** Entry point of the inserted bytecode: hands a freshly written container to the agent. */
    public static void onFieldWrite(Object container, int siteId) {
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

    /** Errors swallowed on application threads since start. */
    public static long suppressedErrors() {
        return suppressedErrors.get();
    }
}
