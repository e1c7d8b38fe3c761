package io.leakwatch.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;

import io.leakwatch.log.EchoedValue;

/**
 * {@code check EVENTS_FILE [--fail-on LEVEL]}: a gate for CI and deploy scripts. Exit 1 naming the leaks when
 * any alert in the file is at or above the level (a later RESOLVED does not undo it: the leak happened); 0
 * otherwise; 2, with one line naming the file and the line, when the file cannot be read or a line is not an
 * alert. Blank lines are allowed.
 */
final class EventsCheck {

    private EventsCheck() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--fail-on"))) {
            return LeakwatchCommand.usage(err, "check takes EVENTS_FILE [--fail-on WARNING|CRITICAL]");
        }
        int threshold = args.length == 3 ? rank(args[2]) : rank("WARNING");
        if (threshold < rank("WARNING")) {
            return LeakwatchCommand.usage(err, "--fail-on takes WARNING or CRITICAL, not "
                    + EchoedValue.quoted(args[2]));
        }
        Path file;
        try {
            file = Paths.get(args[0]);
        } catch (RuntimeException e) {
            return LeakwatchCommand.usage(err, EchoedValue.quoted(args[0]) + " is not a file path");
        }
        Map<String, Integer> worstBySuspect = new TreeMap<>();
        try (EventsFileLines lines = EventsFileLines.open(file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (isBlank(line)) {
                    continue;
                }
                Map<String, String> alert = alertFields(line, lines.number());
                int severity = rank(alert.get("severity"));
                if (severity >= threshold) {
                    worstBySuspect.merge(alert.get("suspect"), severity, Math::max);
                }
            }
        } catch (EventsFileLines.BadLine | NotAnAlert e) {
            err.println("leakwatch: " + EchoedValue.escaped(args[0]) + " " + e.getMessage());
            return LeakwatchCommand.USAGE_ERROR;
        } catch (IOException e) {
            err.println("leakwatch: cannot read " + EchoedValue.escaped(args[0]) + ": " + reason(e));
            return LeakwatchCommand.USAGE_ERROR;
        }
        if (worstBySuspect.isEmpty()) {
            out.println("no alerts at or above " + (threshold == rank("CRITICAL") ? "CRITICAL" : "WARNING"));
            return 0;
        }
        worstBySuspect.forEach((suspect, severity) ->
                out.println((severity == rank("CRITICAL") ? "CRITICAL " : "WARNING ") + suspect));
        return 1;
    }

    /** The alert's {@code severity}, and the {@code suspect} as printed: kind and site or pool, escaped. */
    private static Map<String, String> alertFields(String line, long lineNumber) throws NotAnAlert {
        Object parsed;
        try {
            parsed = StrictJson.parse(line);
        } catch (StrictJson.SyntaxError e) {
            throw new NotAnAlert(lineNumber, "is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new NotAnAlert(lineNumber, "is not a JSON object");
        }
        Map<?, ?> object = (Map<?, ?>) parsed;
        String severity = text(object, "severity", lineNumber);
        if (severity == null) {
            throw new NotAnAlert(lineNumber, "is not an alert: it has no \"severity\"");
        }
        String kind = text(object, "kind", lineNumber);
        String site = text(object, "site", lineNumber);
        String where = site != null ? site : text(object, "pool", lineNumber);
        Map<String, String> fields = new TreeMap<>();
        fields.put("severity", severity);
        fields.put("suspect", EchoedValue.escaped(kind == null ? "?" : kind) + " "
                + EchoedValue.escaped(where == null ? "?" : where));
        return fields;
    }

    private static String text(Map<?, ?> object, String name, long lineNumber) throws NotAnAlert {
        Object value = object.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw new NotAnAlert(lineNumber, "has a \"" + name + "\" that is not a string");
        }
        return (String) value;
    }

    /** Only JSON's own whitespace makes a blank line; anything else must parse. */
    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return EchoedValue.escaped(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
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

    /** A line that is not an alert; the message starts with the line's number. */
    private static final class NotAnAlert extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnAlert(long lineNumber, String problem) {
            super("line " + lineNumber + " " + problem, null, false, false);
        }
    }
}
