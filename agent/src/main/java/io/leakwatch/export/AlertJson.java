package io.leakwatch.export;

import java.util.List;
import java.util.Map;

import io.leakwatch.analysis.Alert;

/** Writes an alert as the one-line JSON object of the interface, omitting fields that do not apply. */
public final class AlertJson {

    private AlertJson() {
    }

    public static String toJson(Alert alert) {
        JsonObjectWriter json = new JsonObjectWriter();
        AlertFields.of(alert).forEach(json::field);
        return json.close();
    }

    /** One value (a piece of evidence, say) as JSON, as it appears inside the alert's object. */
    public static String valueToJson(Object value) {
        JsonObjectWriter json = new JsonObjectWriter();
        json.out.setLength(0);
        json.value(value);
        return json.out.toString();
    }

    /** A JSON object of strings, numbers, and arrays and objects of them. */
    private static final class JsonObjectWriter {
        private final StringBuilder out = new StringBuilder("{");

        void field(String name, Object value) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(name);
            out.append(':');
            value(value);
        }

        private void value(Object value) {
            if (value instanceof Number) {
                out.append(value);
            } else if (value instanceof List) {
                out.append('[');
                List<?> items = (List<?>) value;
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(items.get(i));
                }
                out.append(']');
            } else if (value instanceof Map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> member : ((Map<?, ?>) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(member.getKey()));
                    out.append(':');
                    value(member.getValue());
                }
                out.append('}');
            } else {
                string(String.valueOf(value));
            }
        }

        private void string(String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"':
                        out.append("\\\"");
                        break;
                    case '\\':
                        out.append("\\\\");
                        break;
                    case '\n':
                        out.append("\\n");
                        break;
                    case '\r':
                        out.append("\\r");
                        break;
                    case '\t':
                        out.append("\\t");
                        break;
                    default:
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                }
            }
            out.append('"');
        }

        String close() {
            return out.append('}').toString();
        }
    }
}
