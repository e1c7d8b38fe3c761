package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FatalErrorHandlerTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> halts = new ArrayList<>();
    private final FatalErrorHandler handler = new FatalErrorHandler(
            new PrintStream(err, true, StandardCharsets.UTF_8), () -> 42_500, halts::add);

    @Test
    void haltsWithStatusThreeOnOutOfMemory() {
        handler.uncaughtException(new Thread("payment-http-1"), new OutOfMemoryError("Java heap space"));
        assertEquals(List.of(FatalErrorHandler.OUT_OF_MEMORY_STATUS), halts);
        assertEquals("[payment] fatal: java.lang.OutOfMemoryError: Java heap space in thread payment-http-1 after 42 s;"
                + " exiting with status 3", output().strip());
    }

    @Test
    void findsAnOutOfMemoryErrorWrappedInAnotherException() {
        handler.uncaughtException(new Thread("client"),
                new IOException("selector closed", new OutOfMemoryError("Java heap space")));
        assertEquals(List.of(FatalErrorHandler.OUT_OF_MEMORY_STATUS), halts);
    }

    @Test
    void reportsOtherFailuresWithoutHalting() {
        handler.uncaughtException(new Thread("worker"), new IllegalStateException("boom"));
        assertTrue(halts.isEmpty());
        assertTrue(output().startsWith("[payment] uncaught failure in thread worker: java.lang.IllegalStateException: boom"),
                output());
    }

    private String output() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
