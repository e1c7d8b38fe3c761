package io.leakwatch.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.leakwatch.log.SuppressedErrors.Source;

class AgentLogTest {

    @Test
    void aStderrThatThrowsIsCountedNotPassedOn() {
        long before = SuppressedErrors.total(Source.LOG);
        try (ThrowingStderr broken = new ThrowingStderr()) {
            AgentLog.line("lost");
            AgentLog.once("AgentLogTest-lost", "lost too");
        }
        assertEquals(before + 2, SuppressedErrors.total(Source.LOG));
    }

    @Test
    void aLineSaidOnceThatTheStreamRefusedIsSaidWhenTheStreamWorksAgain() {
        try (ThrowingStderr broken = new ThrowingStderr()) {
            AgentLog.once("AgentLogTest-retry", "said when stderr works");
        }
        String printed = capturingStderr(() -> {
            AgentLog.once("AgentLogTest-retry", "said when stderr works");
            AgentLog.once("AgentLogTest-retry", "said when stderr works");
        });
        assertEquals("[leakwatch] said when stderr works" + System.lineSeparator(), printed);
    }

    @Test
    void aNullStderrIsCountedNotPassedOn() {
        long before = SuppressedErrors.total(Source.LOG);
        PrintStream original = System.err;
        System.setErr(null);
        try {
            AgentLog.line("nowhere to go");
        } finally {
            System.setErr(original);
        }
        assertTrue(SuppressedErrors.total(Source.LOG) > before);
    }

    static String capturingStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
