package io.leakwatch.agent.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leakwatch.log.EchoedValue;

/**
 * A strict RFC 8259 reader for one JSON text, made for input nobody vouches for: strings and numbers are
 * read in loops, never by recursion or backtracking regular expressions, and nesting deeper than
 * {@link #MAX_DEPTH} is refused, so no input can exhaust the stack. Objects become {@code Map}s in the
 * order written, arrays {@code List}s, numbers {@code Double}s, {@code null} becomes {@link #NULL}.
 * Beyond the grammar it refuses what would make a line mean two things: a name given twice in one
 * object, and a {@code \}{@code u} escape that is half of a surrogate pair.
 */
final class StrictJson {

    /** Deepest nesting of arrays and objects accepted; alerts need three levels. */
    static final int MAX_DEPTH = 64;

    /** Stands for the JSON literal {@code null}, since a map cannot tell a null value from a missing one. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int position;

    private StrictJson(String text) {
        this.text = text;
    }

    /** Reads {@code text} as exactly one JSON value, with only whitespace around it. */
    static Object parse(String text) throws SyntaxError {
        StrictJson reader = new StrictJson(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("unexpected " + reader.describeNext() + " after the value");
        }
        return value;
    }

    private Object value(int depth) throws SyntaxError {
        if (position >= text.length()) {
            throw error("the text ends where a value should be");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describeNext() + " where a value should be");
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxError {
        checkDepth(depth);
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            return members;
        }
        while (true) {
            skipWhitespace();
            if (position >= text.length() || text.charAt(position) != '"') {
                throw error("expected a quoted name, found " + describeNext());
            }
            int nameStart = position;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object member = value(depth);
            if (members.putIfAbsent(name, member) != null) {
                position = nameStart;
                throw error("the name " + EchoedValue.quoted(name) + " is given twice");
            }
            skipWhitespace();
            if (consume('}')) {
                return members;
            }
            expect(',');
        }
    }

    private List<Object> array(int depth) throws SyntaxError {
        checkDepth(depth);
        position++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            if (consume(']')) {
                return Collections.unmodifiableList(items);
            }
            expect(',');
        }
    }

    private void checkDepth(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("arrays and objects nested deeper than " + MAX_DEPTH);
        }
    }

    private String string() throws SyntaxError {
        int start = position;
        position++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                position = start;
                throw error("a string that is never closed");
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character in a string must be escaped");
            }
            if (c == '\\') {
                escape(out);
            } else {
                out.append(c);
                position++;
            }
        }
    }

    private void escape(StringBuilder out) throws SyntaxError {
        if (position + 1 >= text.length()) {
            throw error("a string that ends inside an escape");
        }
        char kind = text.charAt(position + 1);
        switch (kind) {
            case '"':
            case '\\':
            case '/':
                out.append(kind);
                break;
            case 'b':
                out.append('\b');
                break;
            case 'f':
                out.append('\f');
                break;
            case 'n':
                out.append('\n');
                break;
            case 'r':
                out.append('\r');
                break;
            case 't':
                out.append('\t');
                break;
            case 'u':
                unicodeEscape(out);
                return;
            default:
                throw error("an invalid escape " + EchoedValue.quoted("\\" + kind));
        }
        position += 2;
    }

    /** A {@code \}{@code uXXXX} escape; a surrogate must come as a high one followed by a low one. */
    private void unicodeEscape(StringBuilder out) throws SyntaxError {
        char unit = hexUnit(position);
        if (Character.isLowSurrogate(unit)) {
            throw error("a low surrogate escape without the high one before it");
        }
        if (Character.isHighSurrogate(unit)) {
            char low = text.startsWith("\\u", position + 6) ? hexUnit(position + 6) : 0;
            if (!Character.isLowSurrogate(low)) {
                throw error("a high surrogate escape without the low one after it");
            }
            out.append(unit).append(low);
            position += 12;
            return;
        }
        out.append(unit);
        position += 6;
    }

    /** The four hex digits after the {@code \}{@code u} starting at {@code at}. */
    private char hexUnit(int at) throws SyntaxError {
        int unit = 0;
        for (int i = at + 2; i < at + 6; i++) {
            int digit = i < text.length() ? hexDigit(text.charAt(i)) : -1;
            if (digit < 0) {
                throw error("a \\uXXXX escape needs four hex digits");
            }
            unit = unit * 16 + digit;
        }
        return (char) unit;
    }

    /** ASCII hex only: {@link Character#digit} would also take other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, read as a double. */
    private Double number() throws SyntaxError {
        int start = position;
        consume('-');
        if (consume('0')) {
            if (position < text.length() && isDigit(text.charAt(position))) {
                throw error("a number may not start with 0");
            }
        } else {
            digits("a number needs a digit");
        }
        if (consume('.')) {
            digits("a number needs a digit after the decimal point");
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            digits("a number needs a digit in its exponent");
        }
        return Double.valueOf(text.substring(start, position));
    }

    private void digits(String problem) throws SyntaxError {
        int start = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw error(problem);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws SyntaxError {
        if (!text.startsWith(word, position)) {
            throw error("unexpected " + describeNext() + " where a value should be");
        }
        position += word.length();
        return value;
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

    private boolean consume(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) throws SyntaxError {
        if (!consume(expected)) {
            throw error("expected '" + expected + "', found " + describeNext());
        }
    }

    private String describeNext() {
        if (position >= text.length()) {
            return "the end of the text";
        }
        return EchoedValue.quoted(text.substring(position, Math.min(text.length(), position + 1)));
    }

    private SyntaxError error(String problem) {
        return new SyntaxError(problem + " at column " + (position + 1));
    }

    /** Why a text is not JSON, with the column (from 1) where reading stopped. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
