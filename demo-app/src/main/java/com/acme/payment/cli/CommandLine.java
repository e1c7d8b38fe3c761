package com.acme.payment.cli;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the program arguments and the {@code DEMO_FEATURES} environment variable into {@link Options}. */
public final class CommandLine {
    /** The environment variable that switches features on, as a comma-separated list. */
    public static final String FEATURES_VARIABLE = "DEMO_FEATURES";

    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    static final int MAX_LOAD_REQUESTS_PER_SECOND = 10_000;

    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private int port = DEFAULT_PORT;
    private int loadRequestsPerSecond;
    private Duration duration;
    private final Set<Feature> features = EnumSet.noneOf(Feature.class);
    private boolean helpRequested;

    private CommandLine() {
    }

    /**
     * Parses {@code args}; options take their value as the next argument or after {@code =}.
     * Features from {@code --feature} and from {@code DEMO_FEATURES} are combined.
     */
    public static Options parse(List<String> args, Map<String, String> environment) throws UsageException {
        CommandLine line = new CommandLine();
        String fromEnvironment = environment.get(FEATURES_VARIABLE);
        if (fromEnvironment != null) {
            line.addFeatures(fromEnvironment, FEATURES_VARIABLE);
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                line.helpRequested = true;
                continue;
            }
            if (!isValueOption(name)) {
                throw new UsageException("unknown argument '" + arg + "'");
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            }
            line.apply(name, value);
        }
        return new Options(line.bindAddress, line.port, line.loadRequestsPerSecond,
                Optional.ofNullable(line.duration), line.features, line.helpRequested);
    }

    /** The text printed for {@code --help} and after a usage error. */
    public static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar demo-app.jar [options]",
                "  --port N             TCP port to listen on (default " + DEFAULT_PORT + "; 0 picks a free port)",
                "  --bind ADDRESS       address to listen on (default " + DEFAULT_BIND_ADDRESS + ")",
                "  --load RATE          send RATE checkout requests per second to this service (1-"
                        + MAX_LOAD_REQUESTS_PER_SECOND + ")",
                "  --duration TIME      stop and exit 0 after TIME, e.g. 90s, 5m, 1h (default: run until stopped)",
                "  --feature NAME       switch a feature on; repeatable or comma-separated (" + Feature.knownNames() + ")",
                "  --help               print this text",
                "environment: " + FEATURES_VARIABLE + "=NAME[,NAME] switches features on as --feature does",
                "JVM option: -XX:+ExitOnOutOfMemoryError ends the service at its first OutOfMemoryError (status 3)");
    }

    private static boolean isValueOption(String name) {
        return switch (name) {
            case "--port", "--bind", "--load", "--duration", "--feature" -> true;
            default -> false;
        };
    }

    private void apply(String name, String value) throws UsageException {
        switch (name) {
            case "--port" -> port = parseInt(name, value, 0, 65_535);
            case "--bind" -> bindAddress = requireText(name, value);
            case "--load" -> loadRequestsPerSecond = parseInt(name, value, 1, MAX_LOAD_REQUESTS_PER_SECOND);
            case "--duration" -> duration = parseDuration(name, value);
            case "--feature" -> addFeatures(value, name);
            default -> throw new IllegalStateException("no handler for option " + name);
        }
    }

    private void addFeatures(String list, String source) throws UsageException {
        for (String item : list.split(",", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                if (source.equals(FEATURES_VARIABLE)) {
                    continue;
                }
                throw new UsageException(source + " needs a feature name; known features: " + Feature.knownNames());
            }
            try {
                features.add(Feature.fromFlagName(trimmed));
            } catch (UsageException e) {
                throw new UsageException(source + ": " + e.getMessage());
            }
        }
    }

    private static int parseInt(String name, String value, int min, int max) throws UsageException {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same message as an out-of-range number.
        }
        throw new UsageException(name + " expects a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    private static Duration parseDuration(String name, String value) throws UsageException {
        try {
            return DurationText.parse(value);
        } catch (UsageException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    private static String requireText(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " needs a value");
        }
        return value.trim();
    }
}
