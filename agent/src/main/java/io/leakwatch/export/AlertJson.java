package io.leakwatch.export;

import java.util.List;

import io.leakwatch.analysis.Alert;

/** Writes an alert as the one-line JSON object of the interface, omitting fields that do not apply. */
public final class AlertJson {

    private AlertJson() {
    }

    public static String toJson(Alert alert) {
        JsonObjectWriter json = new JsonObjectWriter();
        json.field("time", alert.time().toString());
        json.field("severity", alert.severity().name());
        json.field("kind", alert.kind().label());
        json.field("site", alert.site());
        json.field("pool", alert.pool());
        json.field("type", alert.type());
        json.field("size", alert.size());
        json.field("growthPerMin", rounded(alert.growthPerMin()));
        json.field("estimatedBytes", alert.estimatedBytes());
        json.field("heapUsedAfterGc", alert.heapUsedAfterGc());
        json.field("heapMax", alert.heapMax());
        json.field("secondsToExhaustion", rounded(alert.secondsToExhaustion()));
        json.field("evidence", alert.evidence());
        return json.close();
    }

    /** One decimal is all a reader needs; it keeps lines short and diffable. */
    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    /** A flat JSON object of strings, numbers and string arrays. */
    private static final class JsonObjectWriter {
        private final StringBuilder out = new StringBuilder("{");

        void field(String name, Object value) {
            if (value == null) {
                return;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            string(name);
            out.append(':');
            if (value instanceof Number) {
                out.append(value);
            } else if (value instanceof List) {
                out.append('[');
                List<?> items = (List<?>) value;
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(String.valueOf(items.get(i)));
                }
                out.append(']');
            } else {
                string(value.toString());
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
