package io.leakwatch.log;

/**
 * Shows text that came from outside (configuration values, names, file contents) inside one of the agent's
 * own lines: control and formatting characters escaped, so a value can neither start a forged
 * {@code [leakwatch]} line nor drive the terminal, and long values cut, so one value cannot make a line
 * of megabytes.
 */
public final class EchoedValue {

    /** Characters of a value shown before it is cut: enough to recognise it, short enough for one line. */
    public static final int MAX_SHOWN_CHARS = 100;

    private EchoedValue() {
    }

    /**
     * The value in single quotes, escaped, cut after {@link #MAX_SHOWN_CHARS} characters with
     * {@code ...'} and the original length: {@code 'abc...' (20000 chars)}.
     */
    public static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        String shown = "'" + escaped(head(value, MAX_SHOWN_CHARS));
        return value.length() <= MAX_SHOWN_CHARS ? shown + "'" : shown + "...' (" + value.length() + " chars)";
    }

    /** The value escaped, without quotes, cut after {@link #MAX_SHOWN_CHARS} characters: {@code abc... (20000 chars)}. */
    public static String of(String value) {
        return of(value, MAX_SHOWN_CHARS);
    }

    /** The value escaped, without quotes, cut after {@code maxChars} characters: {@code abc... (20000 chars)}. */
    public static String of(String value, int maxChars) {
        if (value == null) {
            return "null";
        }
        String shown = escaped(head(value, maxChars));
        return value.length() <= maxChars ? shown : shown + "... (" + value.length() + " chars)";
    }

    /** At most {@code maxChars} characters from the start, never ending in half a surrogate pair. */
    private static String head(String value, int maxChars) {
        if (value.length() <= maxChars) {
            return value;
        }
        int cut = maxChars;
        if (cut > 0 && Character.isHighSurrogate(value.charAt(cut - 1)) && Character.isLowSurrogate(value.charAt(cut))) {
            cut--;
        }
        return value.substring(0, cut);
    }

    /**
     * The whole value with every character that is not printable text shown as an escape: {@code \n},
     * {@code \r}, {@code \t}, otherwise {@code \}{@code uXXXX}. A backslash is left as it is, so paths stay readable.
     */
    public static String escaped(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (codePoint == '\n') {
                out.append("\\n");
            } else if (codePoint == '\r') {
                out.append("\\r");
            } else if (codePoint == '\t') {
                out.append("\\t");
            } else if (isShownAsItIs(codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                for (int j = i; j < i + width; j++) {
                    out.append(String.format("\\u%04x", (int) value.charAt(j)));
                }
            }
            i += width;
        }
        return out.toString();
    }

    /** Letters, digits, punctuation, symbols and spaces; not controls, invisible formatting, separators, lone surrogates. */
    private static boolean isShownAsItIs(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
            case Character.PRIVATE_USE:
                return false;
            default:
                return true;
        }
    }
}
