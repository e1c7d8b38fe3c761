package io.leakwatch.respond.action;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.leakwatch.analysis.Alert;
import io.leakwatch.export.AlertFields;

/**
 * An alert's fields as the environment variables a command is given: {@code growthPerMin} becomes
 * {@code LEAKWATCH_GROWTH_PER_MIN}, a field that does not apply is not set, and {@code evidence} (a list of
 * objects, on stdin in the JSON) is left out. Besides the fields: {@code LEAKWATCH_IDEMPOTENCY_KEY} and
 * {@code LEAKWATCH_PID}, the process id of the JVM the alert is about.
 */
final class ActionEnvironment {

    static final String PREFIX = "LEAKWATCH_";
    static final String IDEMPOTENCY_KEY = PREFIX + "IDEMPOTENCY_KEY";
    static final String PID = PREFIX + "PID";

    private ActionEnvironment() {
    }

    static Map<String, String> of(Alert alert, String idempotencyKey, long pid) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : AlertFields.of(alert).entrySet()) {
            Object value = field.getValue();
            if (value instanceof String || value instanceof Number) {
                variables.put(variableName(field.getKey()), text(value));
            }
        }
        variables.put(IDEMPOTENCY_KEY, idempotencyKey);
        variables.put(PID, Long.toString(pid));
        return Collections.unmodifiableMap(variables);
    }

    /** {@code heapUsedAfterGc} to {@code LEAKWATCH_HEAP_USED_AFTER_GC}. */
    static String variableName(String field) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                name.append('_');
            }
            name.append(c);
        }
        return name.toString().toUpperCase(Locale.ROOT);
    }

    /** Numbers without exponent ({@code 72456000.0}, not {@code 7.2456E7}), which scripts can compare. */
    private static String text(Object value) {
        if (value instanceof Double) {
            return BigDecimal.valueOf((Double) value).toPlainString();
        }
        return value.toString();
    }
}
