package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.log.SuppressedErrors;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;

class OtlpAlertSinkTest {

    @Test
    void aRecordTheSdkFailsToTakeIsCountedAndNothingIsThrown() {
        LogRecordProcessor failing = new LogRecordProcessor() {
            @Override
            public void onEmit(Context context, ReadWriteLogRecord logRecord) {
                throw new IllegalStateException("the exporter's queue is broken");
            }
        };
        try (SdkLoggerProvider provider = SdkLoggerProvider.builder().addLogRecordProcessor(failing).build()) {
            OtlpAlertSink sink = new OtlpAlertSink(provider, "test");
            long before = SuppressedErrors.total(SuppressedErrors.Source.ALERT_SINK);

            sink.deliver(Alert.builder(Instant.parse("2026-11-29T12:00:00Z"), Severity.WARNING, AlertKind.CONTAINER)
                    .site("com.acme.Orders#recent").size(100).growthPerMin(10).build());

            assertEquals(before + 1, SuppressedErrors.total(SuppressedErrors.Source.ALERT_SINK));
        }
    }
}
