package com.acme.payment.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one flat JSON object (string, number, boolean and null values only) into a map. */
public final class JsonReader {
    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text} as a single JSON object whose values are not objects or arrays.
     *
     * <p>Integers come back as {@link Long}, other numbers as {@link Double}, and {@code null} as a
     * key mapped to {@code null}. Duplicate keys, nested values and trailing text are rejected,
     * because an order that parses two ways is an order we must not charge.
     */
    public static Map<String, Object> readFlatObject(String text) throws JsonException {
        JsonReader reader = new JsonReader(text);
        Map<String, Object> fields = reader.readObject();
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the object");
        }
        return Collections.unmodifiableMap(fields);
    }

    private Map<String, Object> readObject() throws JsonException {
        skipWhitespace();
        expect('{');
        Map<String, Object> fields = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return fields;
        }
        while (true) {
            skipWhitespace();
            int keyStart = position;
            String key = readString();
            if (fields.containsKey(key)) {
                position = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            fields.put(key, readValue());
            skipWhitespace();
            char next = next();
            if (next == '}') {
                return fields;
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private Object readValue() throws JsonException {
        char c = peek();
        switch (c) {
            case '"' -> {
                return readString();
            }
            case '{', '[' -> throw error("nested objects and arrays are not supported");
            case 't' -> {
                readLiteral("true");
                return Boolean.TRUE;
            }
            case 'f' -> {
                readLiteral("false");
                return Boolean.FALSE;
            }
            case 'n' -> {
                readLiteral("null");
                return null;
            }
            default -> {
                if (c == '-' || isDigit(c)) {
                    return readNumber();
                }
                throw error("unexpected character '" + c + "'");
            }
        }
    }

    private String readString() throws JsonException {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                value.append(readEscape());
            } else if (c < 0x20) {
                position--;
                throw error("control character in string");
            } else {
                value.append(c);
            }
        }
    }

    private char readEscape() throws JsonException {
        char c = next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readUnicodeEscape();
            default -> {
                position--;
                throw error("invalid escape '\\" + c + "'");
            }
        };
    }

    private char readUnicodeEscape() throws JsonException {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("invalid hex digit in \\u escape");
            }
            code = code * 16 + digit;
            position++;
        }
        return (char) code;
    }

    private Object readNumber() throws JsonException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (!isDigit(peekOrEnd())) {
            throw error("invalid number");
        }
        // JSON forbids leading zeros such as 012, which some parsers read as octal.
        if (peek() == '0' && isDigit(peekAt(position + 1))) {
            throw error("invalid number: leading zero");
        }
        skipDigits();
        boolean integral = true;
        if (peekOrEnd() == '.') {
            integral = false;
            position++;
            requireDigit();
            skipDigits();
        }
        if (peekOrEnd() == 'e' || peekOrEnd() == 'E') {
            integral = false;
            position++;
            if (peekOrEnd() == '+' || peekOrEnd() == '-') {
                position++;
            }
            requireDigit();
            skipDigits();
        }
        String literal = text.substring(start, position);
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException e) {
                position = start;
                throw error("integer out of range");
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            position = start;
            throw error("number out of range");
        }
        return value;
    }

    private void requireDigit() throws JsonException {
        if (!isDigit(peekOrEnd())) {
            throw error("invalid number");
        }
    }

    private void skipDigits() {
        while (isDigit(peekOrEnd())) {
            position++;
        }
    }

    private void readLiteral(String literal) throws JsonException {
        if (!text.startsWith(literal, position)) {
            throw error("unexpected value");
        }
        position += literal.length();
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private void expect(char expected) throws JsonException {
        if (peek() != expected) {
            throw error("expected '" + expected + "'");
        }
        position++;
    }

    private char peek() throws JsonException {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(position);
    }

    private char next() throws JsonException {
        char c = peek();
        position++;
        return c;
    }

    /** Returns the current character, or NUL at the end, for look-ahead that may run off the text. */
    private char peekOrEnd() {
        return peekAt(position);
    }

    private char peekAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonException error(String problem) {
        return new JsonException(problem + " at offset " + position);
    }
}
