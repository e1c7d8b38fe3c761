package io.leakwatch.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.leakwatch.log.SuppressedErrors.Source;

/**
 * The agent's own one-line messages on stderr, each prefixed {@code [leakwatch]}; some said only once.
 * Never throws: an application may replace {@code System.err} with a stream that throws, and the callers
 * include the sampler's error handling, which must not fail in turn. A line that cannot be printed is
 * counted ({@link Source#LOG}) and lost.
 */
public final class AgentLog {

    public static final String PREFIX = "[leakwatch] ";

    /** Topics said once are few and fixed in the code; the bound only guards against a topic built from data. */
    private static final int MAX_TOPICS = 1024;

    private static final Set<String> saidOnce = ConcurrentHashMap.newKeySet();

    /**
     * {@link #line} for whoever takes a {@code Consumer}. A class, not {@code AgentLog::line}: the configuration
     * is read in {@code premain}, where a method reference's first use costs the application 1 to 3 ms.
     */
    public static final Consumer<String> LINES = new Lines();

    static {
        // The counters are first needed when printing fails, perhaps because the heap is full; a class that
        // cannot be initialised then stays unusable for good, so it is initialised with this one.
        SuppressedErrors.total(Source.LOG);
    }

    private AgentLog() {
    }

    /** Prints one line on the JVM's current stderr, if it takes it. */
    public static void line(String message) {
        print(message);
    }

    /**
     * Prints the line the first time {@code topic} is raised, and never again for that topic. A line the
     * stream refused does not count as said: it is tried again the next time, when the stream may work.
     */
    public static void once(String topic, String message) {
        try {
            if (saidOnce.size() < MAX_TOPICS && saidOnce.add(topic) && !print(message)) {
                saidOnce.remove(topic);
            }
        } catch (Throwable error) {
            SuppressedErrors.count(Source.LOG);
        }
    }

    private static boolean print(String message) {
        try {
            PrintStream err = System.err;
            err.println(PREFIX + message);
            return true;
        } catch (Throwable error) {
            // The application's stream threw (or building the line ran out of memory); the caller must go on.
            SuppressedErrors.count(Source.LOG);
            return false;
        }
    }

    private static final class Lines implements Consumer<String> {
        @Override
        public void accept(String message) {
            line(message);
        }
    }
}
