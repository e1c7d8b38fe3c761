package io.leakwatch.export;

import java.util.LinkedHashMap;
import java.util.Map;

import io.leakwatch.analysis.Alert;

/** An alert's fields by their interface names, in the interface's order, without those that do not apply. */
public final class AlertFields {

    private AlertFields() {
    }

    /** Values are strings, numbers or lists of strings. */
    public static Map<String, Object> of(Alert alert) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "time", alert.time().toString());
        put(fields, "severity", alert.severity().name());
        put(fields, "kind", alert.kind().label());
        put(fields, "site", alert.site());
        put(fields, "pool", alert.pool());
        put(fields, "type", alert.type());
        put(fields, "size", alert.size());
        put(fields, "growthPerMin", rounded(alert.growthPerMin()));
        put(fields, "estimatedBytes", alert.estimatedBytes());
        put(fields, "heapUsedAfterGc", alert.heapUsedAfterGc());
        put(fields, "heapMax", alert.heapMax());
        put(fields, "secondsToExhaustion", rounded(alert.secondsToExhaustion()));
        put(fields, "evidence", alert.evidence());
        return fields;
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    /** One decimal is all a reader needs; it keeps lines short and diffable. */
    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
