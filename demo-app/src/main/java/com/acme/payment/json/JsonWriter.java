package com.acme.payment.json;

/** Builds one flat JSON object field by field, escaping strings as RFC 8259 requires. */
public final class JsonWriter {
    private final StringBuilder json = new StringBuilder(256).append('{');
    private boolean empty = true;

    /** Adds a string field; a {@code null} value is written as JSON {@code null}. */
    public JsonWriter string(String name, String value) {
        name(name);
        if (value == null) {
            json.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /** Adds an integer field. */
    public JsonWriter number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    /** Adds a decimal field; NaN and infinities have no JSON form and are rejected. */
    public JsonWriter number(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON cannot represent " + value + " for \"" + name + "\"");
        }
        name(name);
        json.append(value);
        return this;
    }

    /** Adds a boolean field. */
    public JsonWriter bool(String name, boolean value) {
        name(name);
        json.append(value);
        return this;
    }

    /** Returns the object written so far, closed. */
    @Override
    public String toString() {
        return json + "}";
    }

    private void name(String name) {
        if (!empty) {
            json.append(',');
        }
        empty = false;
        quote(name);
        json.append(':');
    }

    private void quote(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
