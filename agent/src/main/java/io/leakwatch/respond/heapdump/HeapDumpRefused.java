package io.leakwatch.respond.heapdump;

/** A heap dump was not attempted, for the reason given, and the application was not paused. */
final class HeapDumpRefused extends Exception {

    private static final long serialVersionUID = 1L;

    HeapDumpRefused(String reason) {
        super(reason, null, false, false);
    }
}
