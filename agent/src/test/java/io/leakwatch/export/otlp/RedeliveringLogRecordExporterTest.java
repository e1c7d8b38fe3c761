package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;

class RedeliveringLogRecordExporterTest {

    /** An endpoint whose answer the test decides, one export at a time. */
    private static final class ScriptedEndpoint implements LogRecordExporter {
        final List<List<String>> received = new ArrayList<>();
        final List<CompletableResultCode> answers = new ArrayList<>();

        @Override
        public CompletableResultCode export(Collection<LogRecordData> records) {
            received.add(records.stream().map(r -> r.getBodyValue().asString()).collect(Collectors.toList()));
            CompletableResultCode answer = new CompletableResultCode();
            answers.add(answer);
            return answer;
        }

        void answerLast(boolean success) {
            CompletableResultCode last = answers.get(answers.size() - 1);
            if (success) {
                last.succeed();
            } else {
                last.fail();
            }
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private final ScriptedEndpoint endpoint = new ScriptedEndpoint();
    private final RedeliveringLogRecordExporter exporter =
            new RedeliveringLogRecordExporter(endpoint, new ExportOutcomes("http://test", OtlpSecrets.of(Map.of(), Map.of())), 3);

    private static List<LogRecordData> records(String... bodies) {
        List<LogRecordData> records = new ArrayList<>();
        for (String body : bodies) {
            records.add(TestLogRecordData.builder().setBody(body).build());
        }
        return records;
    }

    @Test
    void keepsWhatTheEndpointRefusedAndSendsItAgain() {
        exporter.export(records("a"));
        endpoint.answerLast(false);
        assertEquals(1, exporter.undeliveredCount());

        exporter.export(records("b"));
        assertEquals(List.of("a", "b"), endpoint.received.get(1));
        endpoint.answerLast(true);
        assertEquals(0, exporter.undeliveredCount());

        exporter.redeliver();
        assertEquals(2, endpoint.received.size(), "nothing left to send");
    }

    @Test
    void sendsOneExportAtATimeAndRetriesOnRedeliver() {
        exporter.export(records("a"));
        exporter.export(records("b"));
        assertEquals(1, endpoint.received.size(), "the first export is still in flight");
        endpoint.answerLast(false);

        exporter.redeliver();
        assertEquals(List.of("a", "b"), endpoint.received.get(1));
        endpoint.answerLast(true);
        assertEquals(0, exporter.undeliveredCount());
    }

    @Test
    void aFullBufferDropsTheOldestAndCountsThem() {
        exporter.export(records("a"));
        exporter.export(records("b", "c", "d", "e"));
        assertEquals(3, exporter.undeliveredCount());
        assertEquals(2, exporter.dropped());
        endpoint.answerLast(false);

        exporter.redeliver();
        assertEquals(List.of("c", "d", "e"), endpoint.received.get(1));
        assertEquals(2, exporter.dropped());
    }
}
