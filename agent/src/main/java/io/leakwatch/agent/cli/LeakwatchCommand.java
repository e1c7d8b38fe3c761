package io.leakwatch.agent.cli;

import java.io.PrintStream;

/** {@code java -jar leakwatch-agent.jar COMMAND}: the agent jar's command line. */
public final class LeakwatchCommand {

    private LeakwatchCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("usage: java -jar leakwatch-agent.jar COMMAND");
        return 2;
    }
}
