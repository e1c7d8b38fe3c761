package io.leakwatch.export;

import java.util.List;

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

    /** A flat JSON object of strings, numbers and string arrays. */
    private static final class JsonObjectWriter {
        private final StringBuilder out = new StringBuilder("{");

        void field(String name, Object value) {
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
