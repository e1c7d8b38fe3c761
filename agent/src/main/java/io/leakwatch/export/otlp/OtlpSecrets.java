package io.leakwatch.export.otlp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leakwatch.log.EchoedValue;

/**
 * The parts of the {@code otel.*} / {@code OTEL_*} settings that must never be printed: header values
 * ({@code OTEL_EXPORTER_OTLP_HEADERS} and its per-signal spellings usually carry API keys) and the
 * credentials in endpoints. {@link #mask} takes them out of any text before leakwatch shows it, such as the
 * SDK's own error messages, which quote settings as given.
 */
final class OtlpSecrets {

    /**
     * Shorter values are not masked: masking every "1" or "on" in a line would garble it, and a value that
     * short protects nothing.
     */
    static final int MIN_SECRET_CHARS = 4;

    /** Longest SDK message shown in one of leakwatch's lines, after masking. */
    static final int MAX_MESSAGE_CHARS = 300;

    /** Raw text that must not be printed, and what is printed instead; longest first. */
    private final List<Map.Entry<String, String>> replacements;

    private OtlpSecrets(Map<String, String> replacements) {
        this.replacements = new ArrayList<>(replacements.entrySet());
        this.replacements.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    }

    /** The secrets in this JVM's system properties and environment. */
    static OtlpSecrets ofThisJvm() {
        Map<String, String> properties = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            properties.put(name, System.getProperty(name));
        }
        return of(properties, System.getenv());
    }

    static OtlpSecrets of(Map<String, String> systemProperties, Map<String, String> environment) {
        Map<String, String> replacements = new HashMap<>();
        collect(systemProperties, "otel.", replacements);
        collect(environment, "OTEL_", replacements);
        return new OtlpSecrets(replacements);
    }

    private static void collect(Map<String, String> settings, String prefix, Map<String, String> replacements) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String name = setting.getKey().toLowerCase(Locale.ROOT);
            String value = setting.getValue();
            if (!setting.getKey().startsWith(prefix) || value == null) {
                continue;
            }
            if (name.contains("headers")) {
                addHeaderValues(value, replacements);
            } else if (name.contains("endpoint")) {
                add(value.trim(), RedactedUrl.of(value.trim()), replacements);
                for (String part : RedactedUrl.secretParts(value.trim())) {
                    add(part, RedactedUrl.MASK, replacements);
                }
            }
        }
    }

    /** {@code name=value,name=value}: every value, as written and decoded, and the whole text in case it is malformed. */
    private static void addHeaderValues(String headers, Map<String, String> replacements) {
        add(headers, RedactedUrl.MASK, replacements);
        add(headers.trim(), RedactedUrl.MASK, replacements);
        for (String item : headers.split(",")) {
            int equals = item.indexOf('=');
            String value = (equals < 0 ? item : item.substring(equals + 1)).trim();
            add(value, RedactedUrl.MASK, replacements);
            try {
                add(URLDecoder.decode(value, StandardCharsets.UTF_8), RedactedUrl.MASK, replacements);
            } catch (IllegalArgumentException e) {
                // Not percent-encoded as it should be: the value as written is masked already.
            }
        }
    }

    private static void add(String secret, String replacement, Map<String, String> replacements) {
        if (secret.length() >= MIN_SECRET_CHARS && !secret.equals(replacement)) {
            replacements.putIfAbsent(secret, replacement);
        }
    }

    /**
     * The text with every secret replaced, credentials taken out of any URL in it, control characters
     * escaped, and cut to {@link #MAX_MESSAGE_CHARS}: fit to be one part of one of leakwatch's lines.
     */
    String mask(String text) {
        String masked = text;
        for (Map.Entry<String, String> secret : replacements) {
            masked = masked.replace(secret.getKey(), secret.getValue());
            masked = maskCutAtTheEnd(masked, secret.getKey(), secret.getValue());
        }
        return EchoedValue.of(RedactedUrl.inText(masked), MAX_MESSAGE_CHARS);
    }

    /** A message shortened before it reached leakwatch may end in the first part of a secret, then "...". */
    private static String maskCutAtTheEnd(String text, String secret, String replacement) {
        if (!text.endsWith("...")) {
            return text;
        }
        String body = text.substring(0, text.length() - 3);
        for (int length = Math.min(secret.length() - 1, body.length()); length >= MIN_SECRET_CHARS; length--) {
            if (body.regionMatches(body.length() - length, secret, 0, length)) {
                return body.substring(0, body.length() - length) + replacement + text.substring(body.length());
            }
        }
        return text;
    }
}
