package io.leakwatch.export.otlp;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.leakwatch.analysis.Alert;
import io.leakwatch.export.AlertFields;
import io.leakwatch.export.AlertJson;
import io.leakwatch.export.AlertLine;
import io.leakwatch.export.AlertSink;
import io.leakwatch.log.SuppressedErrors;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;

/**
 * Every alert as one OTLP log record: event {@code leakwatch.alert}, the human line as its body, the
 * alert's fields, by their interface names, as its attributes. Alerts are rare and urgent: the SDK hands each
 * to the exporter as it is emitted, without batching (see {@link OtlpExport}).
 */
final class OtlpAlertSink implements AlertSink {

    static final String EVENT_NAME = "leakwatch.alert";

    private final Logger logger;

    OtlpAlertSink(SdkLoggerProvider provider, String scopeVersion) {
        this.logger = provider.loggerBuilder(LeakwatchMetrics.SCOPE).setInstrumentationVersion(scopeVersion).build();
    }

    @Override
    public void deliver(Alert alert) {
        try {
            logger.logRecordBuilder()
                    .setEventName(EVENT_NAME)
                    .setTimestamp(alert.time())
                    .setSeverity(severityOf(alert))
                    .setSeverityText(alert.severity().name())
                    .setBody(AlertLine.format(alert))
                    .setAllAttributes(attributesOf(alert))
                    .emit();
        } catch (RuntimeException e) {
            // An alert sink must not throw: the other sinks have the alert. Counted, so that a record lost here
            // shows in leakwatch.errors.suppressed.
            SuppressedErrors.count(SuppressedErrors.Source.ALERT_SINK);
        }
    }

    private static Severity severityOf(Alert alert) {
        switch (alert.severity()) {
            case CRITICAL:
                return Severity.ERROR;
            case WARNING:
                return Severity.WARN;
            default:
                return Severity.INFO;
        }
    }

    static Attributes attributesOf(Alert alert) {
        AttributesBuilder attributes = Attributes.builder();
        for (Map.Entry<String, Object> field : AlertFields.of(alert).entrySet()) {
            Object value = field.getValue();
            if (value instanceof Long) {
                attributes.put(field.getKey(), (Long) value);
            } else if (value instanceof Double) {
                attributes.put(field.getKey(), (Double) value);
            } else if (value instanceof List) {
                attributes.put(AttributeKey.stringArrayKey(field.getKey()), stringsOf((List<?>) value));
            } else {
                attributes.put(field.getKey(), String.valueOf(value));
            }
        }
        return attributes.build();
    }

    /** Evidence objects travel as their JSON text, one array item each: log attributes hold no nested objects. */
    private static List<String> stringsOf(List<?> values) {
        return values.stream().map(value -> value instanceof Map ? AlertJson.valueToJson(value) : String.valueOf(value))
                .collect(Collectors.toList());
    }
}
