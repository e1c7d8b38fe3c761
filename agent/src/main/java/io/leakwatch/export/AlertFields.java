package io.leakwatch.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.Evidence;

/** An alert's fields by their interface names, in the interface's order, without those that do not apply. */
public final class AlertFields {

    private AlertFields() {
    }

    /** Values are strings, numbers, lists of strings, and (for evidence) lists of such objects. */
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
        put(fields, "evidence", evidenceOf(alert.evidence()));
        put(fields, "heapDump", alert.heapDump());
        return fields;
    }

    /** Each piece of evidence as an object of the interface: count, type, stack and, when known, path. */
    private static List<Map<String, Object>> evidenceOf(List<Evidence> evidence) {
        if (evidence == null) {
            return null;
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Evidence item : evidence) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("count", item.count());
            object.put("type", item.type());
            object.put("stack", item.stack());
            if (!item.path().isEmpty()) {
                object.put("path", item.path());
            }
            objects.add(object);
        }
        return objects;
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
