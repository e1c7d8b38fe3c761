package io.leakwatch.export.otlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A URL as leakwatch may print it: the user-info ({@code user:password@}) and every query value become
 * {@code ***}, the fragment too, so credentials put in an endpoint never reach a log. Scheme, host, port,
 * path and query names stay, which is what a reader needs to recognise the endpoint.
 */
final class RedactedUrl {

    static final String MASK = "***";

    private RedactedUrl() {
    }

    /**
     * One URL, with or without its scheme. Everything before the last {@code @} ahead of the query is taken as
     * user-info, even a password with a raw {@code /} in it: masking a little too much beats printing a secret.
     */
    static String of(String url) {
        int schemeEnd = url.indexOf("://");
        int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int queryOrFragment = indexOfAny(url, "?#", authorityStart);
        StringBuilder out = new StringBuilder(url.length());
        out.append(url, 0, authorityStart);
        int userInfoEnd = queryOrFragment == 0 ? -1 : url.lastIndexOf('@', queryOrFragment - 1);
        if (userInfoEnd >= authorityStart) {
            out.append(MASK).append(url, userInfoEnd, queryOrFragment);
        } else {
            out.append(url, authorityStart, queryOrFragment);
        }
        if (queryOrFragment < url.length() && url.charAt(queryOrFragment) == '?') {
            int fragmentStart = indexOfAny(url, "#", queryOrFragment);
            out.append('?').append(maskedQuery(url.substring(queryOrFragment + 1, fragmentStart)));
            queryOrFragment = fragmentStart;
        }
        if (queryOrFragment < url.length()) {
            out.append('#').append(MASK);
        }
        return out.toString();
    }

    /**
     * The parts of one URL that {@link #of} masks, for finding them where a message quotes them alone (the SDK
     * says "must not have a query string: api_key=..."): the user-info, the query, each query value, the fragment.
     */
    static List<String> secretParts(String url) {
        List<String> parts = new ArrayList<>();
        int schemeEnd = url.indexOf("://");
        int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int queryOrFragment = indexOfAny(url, "?#", authorityStart);
        int userInfoEnd = queryOrFragment == 0 ? -1 : url.lastIndexOf('@', queryOrFragment - 1);
        if (userInfoEnd >= authorityStart) {
            parts.add(url.substring(authorityStart, userInfoEnd));
        }
        int fragmentStart = indexOfAny(url, "#", queryOrFragment);
        if (queryOrFragment < fragmentStart) {
            String query = url.substring(queryOrFragment + 1, fragmentStart);
            parts.add(query);
            for (String parameter : query.split("[&;]")) {
                parts.add(parameter.substring(parameter.indexOf('=') + 1));
            }
        }
        if (fragmentStart < url.length()) {
            parts.add(url.substring(fragmentStart + 1));
        }
        return parts;
    }

    /** Every {@code scheme://...} in free text, such as an SDK's error message; a URL ends at whitespace or a quote. */
    static String inText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int separator = text.indexOf("://"); separator >= 0; separator = text.indexOf("://", separator + 3)) {
            if (separator < copied) {
                continue;
            }
            int start = separator;
            while (start > copied && isSchemeChar(text.charAt(start - 1))) {
                start--;
            }
            int end = separator + 3;
            while (end < text.length() && !endsUrl(text.charAt(end))) {
                end++;
            }
            out.append(text, copied, start).append(of(text.substring(start, end)));
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** {@code name=value&name} becomes {@code name=***&***}: a parameter without a value may be a token itself. */
    private static String maskedQuery(String query) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start <= query.length()) {
            int end = indexOfAny(query, "&;", start);
            String parameter = query.substring(start, end);
            int equals = parameter.indexOf('=');
            if (equals >= 0) {
                out.append(parameter, 0, equals + 1).append(MASK);
            } else if (!parameter.isEmpty()) {
                out.append(MASK);
            }
            if (end < query.length()) {
                out.append(query.charAt(end));
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static int indexOfAny(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-'
                || c == '.';
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }
}
