package io.leakwatch.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The configuration keys leakwatch accepts, each with the form of value it takes. */
public enum ConfigKey {
    PACKAGES("packages", "a list of package names such as com.acme.payment"),
    INTERVAL("interval", "a duration such as 250ms, 10s, 5m or 1h"),
    WINDOW("window", "a duration such as 250ms, 10s, 5m or 1h"),
    EVENTS_FILE("events.file", "a file path"),
    EXPORTER("exporter", "otlp or none"),
    LOG("log", "stderr or none"),
    ENABLED("enabled", "true or false"),
    CRITICAL_HORIZON("critical.horizon", "a duration such as 250ms, 10s, 5m or 1h"),
    OTLP_MAX_SITES("otlp.maxSites", "a whole number from 1 to " + LeakwatchConfig.MAX_EXPORTED_SITES_LIMIT),
    SAMPLES_FILE("samples.file", "a file path"),
    HEAPDUMP_ON_CRITICAL("heapdump.onCritical", "true or false"),
    HEAPDUMP_DIR("heapdump.dir", "a directory path"),
    ACTION_ON_WARNING("action.onWarning", ActionTarget.ACCEPTED_FORM),
    ACTION_ON_CRITICAL("action.onCritical", ActionTarget.ACCEPTED_FORM),
    ACTION_DRY_RUN("action.dryRun", "true or false");

    private static final String SYSTEM_PROPERTY_PREFIX = "leakwatch.";
    private static final String ENVIRONMENT_PREFIX = "LEAKWATCH_";

    private final String key;
    private final String acceptedForm;

    ConfigKey(String key, String acceptedForm) {
        this.key = key;
        this.acceptedForm = acceptedForm;
    }

    /** The key as written in the agent argument, e.g. {@code events.file}. */
    public String key() {
        return key;
    }

    /** What a valid value looks like, for error messages. */
    public String acceptedForm() {
        return acceptedForm;
    }

    String systemProperty() {
        return SYSTEM_PROPERTY_PREFIX + key;
    }

    String environmentVariable() {
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static boolean isSystemProperty(String name) {
        return name.startsWith(SYSTEM_PROPERTY_PREFIX);
    }

    static boolean isEnvironmentVariable(String name) {
        return name.startsWith(ENVIRONMENT_PREFIX);
    }

    /** The key so written, or null. A plain loop: it runs in {@code premain}, where a first stream costs milliseconds. */
    static ConfigKey byKey(String key) {
        for (ConfigKey known : values()) {
            if (known.key.equals(key)) {
                return known;
            }
        }
        return null;
    }

    static String acceptedKeys() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }
}
