package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leakwatch.log.CapturedStderr;
import io.opentelemetry.sdk.common.CompletableResultCode;

class ExportOutcomesTest {

    private static final OtlpSecrets NO_SECRETS = OtlpSecrets.of(Map.of(), Map.of());

    private CapturedStderr stderr;

    @BeforeEach
    void captureStderr() {
        stderr = new CapturedStderr();
    }

    @AfterEach
    void restoreStderr() {
        stderr.close();
    }

    private List<String> lines() {
        return stderr.lines();
    }

    @Test
    void saysOnceWhenExportFailsAndOnceWhenItWorksAgain() {
        ExportOutcomes outcomes = new ExportOutcomes("http://collector:4318", NO_SECRETS);
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
        ExportOutcomes outcomes = new ExportOutcomes("http://collector:4318", NO_SECRETS);
        CompletableResultCode pending = new CompletableResultCode();
        outcomes.observe(pending);
        assertEquals(List.of(), lines());
        pending.fail();
        assertEquals(1, lines().size());
    }

    @Test
    void namesTheEndpointWithoutItsCredentialsAndTheReasonWithoutSecrets() {
        OtlpSecrets secrets = OtlpSecrets.of(Map.of(), Map.of("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=h3ader-t0ken"));
        ExportOutcomes outcomes = new ExportOutcomes("https://operator:s3cret@collector:4318/?api_key=k3y\n", secrets);
        outcomes.observe(CompletableResultCode.ofExceptionalFailure(
                new ConnectException("refused h3ader-t0ken at https://operator:s3cret@collector:4318/")));
        outcomes.observe(CompletableResultCode.ofSuccess());

        assertEquals(2, lines().size(), lines().toString());
        assertTrue(lines().get(0).startsWith("[leakwatch] OTLP export to https://***@collector:4318/?api_key=*** failed ("),
                lines().get(0));
        assertEquals("[leakwatch] OTLP export to https://***@collector:4318/?api_key=*** works again", lines().get(1));
        String all = String.join("\n", lines());
        assertTrue(!all.contains("s3cret") && !all.contains("k3y") && !all.contains("h3ader-t0ken"), all);
    }
}
