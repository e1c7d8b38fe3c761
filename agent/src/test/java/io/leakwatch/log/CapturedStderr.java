package io.leakwatch.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Replaces {@code System.err} with a stream that keeps what the agent prints there, until closed. */
public final class CapturedStderr implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public CapturedStderr() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** The lines printed so far. */
    public List<String> lines() {
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
