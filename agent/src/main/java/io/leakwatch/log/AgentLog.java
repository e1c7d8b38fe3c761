package io.leakwatch.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The agent's own one-line messages on stderr, each prefixed {@code [leakwatch]}; some said only once. */
public final class AgentLog {

    public static final String PREFIX = "[leakwatch] ";

    private static final Set<String> saidOnce = ConcurrentHashMap.newKeySet();

    private AgentLog() {
    }

    /** Prints one line on the JVM's current stderr. */
    public static void line(String message) {
        PrintStream err = System.err;
        err.println(PREFIX + message);
    }

    /** Prints the line the first time {@code topic} is raised, and never again for that topic. */
    public static void once(String topic, String message) {
        if (saidOnce.size() < 1024 && saidOnce.add(topic)) {
            line(message);
        }
    }
}
