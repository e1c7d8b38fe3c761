package io.leakwatch.log;

import java.io.OutputStream;
import java.io.PrintStream;

/** Replaces {@code System.err} with a stream whose writes throw, as a hostile application may, until closed. */
public final class ThrowingStderr implements AutoCloseable {

    private final PrintStream original = System.err;

    public ThrowingStderr() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("stderr is closed");
            }
        }, true));
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
