package io.leakwatch.agent.cli;

import java.io.PrintStream;
import java.util.Arrays;

import io.leakwatch.log.EchoedValue;

/** {@code java -jar leakwatch-agent.jar COMMAND}: the agent jar's command line. */
public final class LeakwatchCommand {

    static final int USAGE_ERROR = 2;

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar leakwatch-agent.jar COMMAND",
            "  list                                        list local JVMs (pid, main class)",
            "  attach PID [key=value ...]                  load leakwatch into a running JVM",
            "  check EVENTS_FILE [--fail-on WARNING|CRITICAL]  exit 1 naming the leaks when the file holds",
            "                                              alerts at or above the level (default WARNING)",
            "  report SAMPLES_FILE EVENTS_FILE -o FILE.html  write one self-contained HTML page of charts: the",
            "                                              suspects, the pools, the alerts (reads SAMPLES_FILE.1 too)");

    private LeakwatchCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err, "no command given");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "list":
                return rest.length == 0 ? JvmAttach.list(out, err) : usage(err, "list takes no arguments");
            case "attach":
                return rest.length >= 1 ? JvmAttach.attach(rest[0], Arrays.copyOfRange(rest, 1, rest.length), out, err)
                        : usage(err, "attach needs a PID");
            case "check":
                return EventsCheck.run(rest, out, err);
            case "report":
                return ReportCommand.run(rest, out, err);
            default:
                return usage(err, "unknown command " + EchoedValue.quoted(args[0]));
        }
    }

    static int usage(PrintStream err, String problem) {
        err.println("leakwatch: " + problem);
        err.println(USAGE);
        return USAGE_ERROR;
    }
}
