package io.leakwatch.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.leakwatch.log.EchoedValue;

/**
 * Turns the agent argument, {@code leakwatch.*} system properties and {@code LEAKWATCH_*}
 * environment variables into one {@link LeakwatchConfig}; the first spelling that sets a key wins, and
 * the agent argument may set each key once. Values shown back in error lines go through {@link EchoedValue}.
 */
public final class ConfigParser {

    /** Digits a duration or number may have: nine keep every product with a unit's milliseconds in a long. */
    private static final int MAX_DIGITS = 9;

    private final Consumer<String> notices;

    /** @param notices receives one line for each thing worth telling that does not stop the agent */
    public ConfigParser(Consumer<String> notices) {
        this.notices = notices;
    }

    /** Reads the JVM's own system properties and environment. */
    public LeakwatchConfig parse(String agentArgument) throws ConfigException {
        return parse(agentArgument, propertiesOf(System.getProperties()), System.getenv());
    }

    public LeakwatchConfig parse(String agentArgument, Map<String, String> systemProperties,
            Map<String, String> environment) throws ConfigException {
        Map<ConfigKey, RawValue> raw = new EnumMap<>(ConfigKey.class);
        readEnvironment(environment, raw);
        readSystemProperties(systemProperties, raw);
        readAgentArgument(agentArgument, raw);
        return build(raw);
    }

    private void readAgentArgument(String argument, Map<ConfigKey, RawValue> raw) throws ConfigException {
        if (argument == null || argument.isBlank()) {
            return;
        }
        Set<ConfigKey> given = EnumSet.noneOf(ConfigKey.class);
        for (String pair : argument.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(EchoedValue.quoted(pair.trim()) + " in the agent argument is not key=value;"
                        + " write -javaagent:leakwatch-agent.jar=key=value,key=value");
            }
            String name = pair.substring(0, equals).trim();
            ConfigKey key = ConfigKey.byKey(name);
            if (key == null) {
                throw new ConfigException("unknown key " + EchoedValue.quoted(name) + " in the agent argument;"
                        + " accepted keys: " + ConfigKey.acceptedKeys());
            }
            // Which of two spellings was meant cannot be known; silently taking one would hide the mistake.
            if (!given.add(key)) {
                throw new ConfigException("key '" + key.key() + "' is given twice in the agent argument;"
                        + " give each key once");
            }
            raw.put(key, new RawValue(pair.substring(equals + 1).trim(), ";", "agent argument " + name));
        }
    }

    private void readSystemProperties(Map<String, String> properties, Map<ConfigKey, RawValue> raw)
            throws ConfigException {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            if (!ConfigKey.isSystemProperty(name)) {
                continue;
            }
            String key = name.substring("leakwatch.".length());
            ConfigKey known = ConfigKey.byKey(key);
            if (known == null) {
                throw new ConfigException("unknown system property -D" + EchoedValue.of(name)
                        + "; accepted: -Dleakwatch.KEY with KEY one of " + ConfigKey.acceptedKeys());
            }
            raw.put(known, new RawValue(property.getValue().trim(), ",", "-D" + name));
        }
    }

    private void readEnvironment(Map<String, String> environment, Map<ConfigKey, RawValue> raw) {
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (!ConfigKey.isEnvironmentVariable(name)) {
                continue;
            }
            Optional<ConfigKey> known = findEnvironmentKey(name);
            if (known.isEmpty()) {
                notices.accept("ignoring unknown environment variable " + EchoedValue.of(name) + "; accepted: LEAKWATCH_KEY with KEY one of "
                        + ConfigKey.acceptedKeys().toUpperCase(Locale.ROOT).replace('.', '_'));
                continue;
            }
            raw.put(known.get(), new RawValue(variable.getValue().trim(), ",", name));
        }
    }

    private static Optional<ConfigKey> findEnvironmentKey(String variable) {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.environmentVariable().equals(variable)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static LeakwatchConfig build(Map<ConfigKey, RawValue> raw) throws ConfigException {
        boolean enabled = parseBoolean(raw, ConfigKey.ENABLED, true);
        List<String> packages = parsePackages(raw.get(ConfigKey.PACKAGES));
        long interval = parseDuration(raw, ConfigKey.INTERVAL, LeakwatchConfig.DEFAULT_INTERVAL_MILLIS);
        long window = parseDuration(raw, ConfigKey.WINDOW, LeakwatchConfig.DEFAULT_WINDOW_MILLIS);
        long horizon = parseDuration(raw, ConfigKey.CRITICAL_HORIZON, LeakwatchConfig.DEFAULT_CRITICAL_HORIZON_MILLIS);
        if (window < 4 * interval) {
            throw new ConfigException("window (" + window + "ms) must be at least 4 times interval (" + interval
                    + "ms): growth is judged over four parts of the window");
        }
        Path eventsFile = parsePath(raw.get(ConfigKey.EVENTS_FILE), ConfigKey.EVENTS_FILE);
        LeakwatchConfig.Exporter exporter = parseChoice(raw, ConfigKey.EXPORTER, LeakwatchConfig.Exporter.class,
                LeakwatchConfig.Exporter.OTLP);
        LeakwatchConfig.LogSink log = parseChoice(raw, ConfigKey.LOG, LeakwatchConfig.LogSink.class,
                LeakwatchConfig.LogSink.STDERR);
        int exportedSites = parseWholeNumber(raw, ConfigKey.OTLP_MAX_SITES, LeakwatchConfig.DEFAULT_EXPORTED_SITES,
                LeakwatchConfig.MAX_EXPORTED_SITES_LIMIT);
        return new LeakwatchConfig(enabled, packages, interval, window, horizon, eventsFile, exporter, log,
                exportedSites, parseResponses(raw));
    }

    private static ResponseSettings parseResponses(Map<ConfigKey, RawValue> raw) throws ConfigException {
        Path samplesFile = parsePath(raw.get(ConfigKey.SAMPLES_FILE), ConfigKey.SAMPLES_FILE);
        boolean dumpOnCritical = parseBoolean(raw, ConfigKey.HEAPDUMP_ON_CRITICAL, false);
        Path dumpDir = parsePath(raw.get(ConfigKey.HEAPDUMP_DIR), ConfigKey.HEAPDUMP_DIR);
        return new ResponseSettings(samplesFile, dumpOnCritical,
                dumpDir == null ? Paths.get("").toAbsolutePath() : dumpDir,
                parseAction(raw.get(ConfigKey.ACTION_ON_WARNING), ConfigKey.ACTION_ON_WARNING),
                parseAction(raw.get(ConfigKey.ACTION_ON_CRITICAL), ConfigKey.ACTION_ON_CRITICAL),
                parseBoolean(raw, ConfigKey.ACTION_DRY_RUN, false));
    }

    private static ActionTarget parseAction(RawValue value, ConfigKey key) throws ConfigException {
        if (value == null) {
            return null;
        }
        return ActionTarget.parse(value.text).orElseThrow(() -> invalid(value, key));
    }

    private static boolean parseBoolean(Map<ConfigKey, RawValue> raw, ConfigKey key, boolean fallback)
            throws ConfigException {
        RawValue value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        switch (value.text.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw invalid(value, key);
        }
    }

    private static int parseWholeNumber(Map<ConfigKey, RawValue> raw, ConfigKey key, int fallback, int max)
            throws ConfigException {
        RawValue value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        if (leadingDigits(value.text) != value.text.length()) {
            throw invalid(value, key);
        }
        int number = Integer.parseInt(value.text);
        if (number < 1 || number > max) {
            throw invalid(value, key);
        }
        return number;
    }

    /** Parses {@code 250ms}, {@code 10s}, {@code 5m} or {@code 1h} into milliseconds; -1 for anything else. */
    static long parseDurationMillis(String text) {
        int unitStart = leadingDigits(text);
        if (unitStart < 0) {
            return -1;
        }
        long amount = Long.parseLong(text.substring(0, unitStart));
        switch (text.substring(unitStart)) {
            case "ms":
                return amount;
            case "s":
                return amount * 1000;
            case "m":
                return amount * 60_000;
            case "h":
                return amount * 3_600_000;
            default:
                return -1;
        }
    }

    /**
     * How many ASCII digits {@code text} starts with, or -1 if none or more than {@link #MAX_DIGITS}. Checked by hand, not with a regular expression: the configuration is read in
     * {@code premain}, where compiling the JDK's first patterns costs the application milliseconds of start-up.
     */
    private static int leadingDigits(String text) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        return digits == 0 || digits > MAX_DIGITS ? -1 : digits;
    }

    private static long parseDuration(Map<ConfigKey, RawValue> raw, ConfigKey key, long fallbackMillis)
            throws ConfigException {
        RawValue value = raw.get(key);
        if (value == null) {
            return fallbackMillis;
        }
        long millis = parseDurationMillis(value.text);
        if (millis <= 0) {
            throw invalid(value, key);
        }
        return millis;
    }

    private static List<String> parsePackages(RawValue value) throws ConfigException {
        List<String> packages = new ArrayList<>();
        if (value == null) {
            return packages;
        }
        for (String item : value.text.split(value.listSeparator)) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!isPackageName(name)) {
                throw new ConfigException("invalid package " + EchoedValue.quoted(name) + " in " + value.source
                        + "; expected " + ConfigKey.PACKAGES.acceptedForm() + ", items separated by '"
                        + value.listSeparator + "'");
            }
            for (String excluded : LeakwatchConfig.NEVER_INSTRUMENTED_PACKAGES) {
                if (name.equals(excluded) || name.startsWith(excluded + ".")) {
                    throw new ConfigException("package " + EchoedValue.quoted(name) + " in " + value.source
                            + " cannot be instrumented (the JDK's, leakwatch's and other agents' classes never are);"
                            + " name your application's packages");
                }
            }
            packages.add(name);
        }
        return packages;
    }

    /** Java identifiers joined by dots, checked by hand for the reason {@link #leadingDigits} gives. */
    static boolean isPackageName(String name) {
        boolean identifierStart = true;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int c = name.codePointAt(i);
            if (identifierStart ? !Character.isJavaIdentifierStart(c) : c != '.' && !Character.isJavaIdentifierPart(c)) {
                return false;
            }
            identifierStart = c == '.';
        }
        return !identifierStart;
    }

    private static Path parsePath(RawValue value, ConfigKey key) throws ConfigException {
        if (value == null) {
            return null;
        }
        if (value.text.isEmpty()) {
            throw invalid(value, key);
        }
        try {
            return Paths.get(value.text).toAbsolutePath();
        } catch (RuntimeException e) {
            throw invalid(value, key);
        }
    }

    private static <E extends Enum<E>> E parseChoice(Map<ConfigKey, RawValue> raw, ConfigKey key, Class<E> type,
            E fallback) throws ConfigException {
        RawValue value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        for (E choice : type.getEnumConstants()) {
            if (choice.name().equalsIgnoreCase(value.text)) {
                return choice;
            }
        }
        throw invalid(value, key);
    }

    private static ConfigException invalid(RawValue value, ConfigKey key) {
        return new ConfigException("invalid value " + EchoedValue.quoted(value.text) + " for " + value.source + "; expected "
                + key.acceptedForm());
    }

    private static Map<String, String> propertiesOf(java.util.Properties properties) {
        Map<String, String> copy = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            copy.put(name, properties.getProperty(name));
        }
        return copy;
    }

    /**
     * A value as written, with where it came from and how its list items are separated: by one character that
     * is not special in a regular expression, so that {@code String.split} takes its fast path and compiles none.
     */
    private static final class RawValue {
        final String text;
        final String listSeparator;
        final String source;

        RawValue(String text, String listSeparator, String source) {
            this.text = text;
            this.listSeparator = listSeparator;
            this.source = source;
        }
    }
}
