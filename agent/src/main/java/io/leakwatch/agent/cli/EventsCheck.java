package io.leakwatch.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code check EVENTS_FILE [--fail-on LEVEL]}: a gate for CI and deploy scripts. */
final class EventsCheck {

    private static final Pattern FIELD = Pattern.compile("\"(severity|kind|site|pool)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private EventsCheck() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--fail-on"))) {
            return LeakwatchCommand.usage(err, "check takes EVENTS_FILE [--fail-on WARNING|CRITICAL]");
        }
        int threshold = args.length == 3 ? rank(args[2]) : rank("WARNING");
        if (threshold < rank("WARNING")) {
            return LeakwatchCommand.usage(err, "--fail-on takes WARNING or CRITICAL, not '" + args[2] + "'");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("leakwatch: cannot read " + args[0] + ": " + e);
            return LeakwatchCommand.USAGE_ERROR;
        }
        Map<String, Integer> worstBySuspect = new TreeMap<>();
        for (String line : lines) {
            Map<String, String> fields = fields(line);
            int severity = rank(fields.getOrDefault("severity", ""));
            if (severity >= threshold) {
                String suspect = fields.getOrDefault("kind", "?") + " "
                        + fields.getOrDefault("site", fields.getOrDefault("pool", "?"));
                worstBySuspect.merge(suspect, severity, Math::max);
            }
        }
        if (worstBySuspect.isEmpty()) {
            out.println("no alerts at or above " + (threshold == rank("CRITICAL") ? "CRITICAL" : "WARNING"));
            return 0;
        }
        worstBySuspect.forEach((suspect, severity) ->
                out.println((severity == rank("CRITICAL") ? "CRITICAL " : "WARNING ") + suspect));
        return 1;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new TreeMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            fields.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static int rank(String severity) {
        switch (severity) {
            case "WARNING":
                return 1;
            case "CRITICAL":
                return 2;
            default:
                return 0;
        }
    }
}
