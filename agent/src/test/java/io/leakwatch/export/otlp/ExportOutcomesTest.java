package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.common.CompletableResultCode;

class ExportOutcomesTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private List<String> lines() {
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    @Test
    void saysOnceWhenExportFailsAndOnceWhenItWorksAgain() {
        ExportOutcomes outcomes = new ExportOutcomes("http://collector:4318");
        outcomes.observe(CompletableResultCode.ofSuccess());
        assertEquals(List.of(), lines(), "nothing to say while export works");

        for (int attempt = 0; attempt < 5; attempt++) {
            outcomes.observe(CompletableResultCode.ofExceptionalFailure(new ConnectException("refused")));
        }
        assertEquals(1, lines().size());
        assertTrue(lines().get(0).startsWith("[leakwatch] OTLP export to http://collector:4318 failed ("));

        outcomes.observe(CompletableResultCode.ofSuccess());
        outcomes.observe(CompletableResultCode.ofSuccess());
        assertEquals(List.of(lines().get(0), "[leakwatch] OTLP export to http://collector:4318 works again"), lines());
    }

    @Test
    void waitsForTheResultBeforeJudgingIt() {
        ExportOutcomes outcomes = new ExportOutcomes("http://collector:4318");
        CompletableResultCode pending = new CompletableResultCode();
        outcomes.observe(pending);
        assertEquals(List.of(), lines());
        pending.fail();
        assertEquals(1, lines().size());
    }
}
