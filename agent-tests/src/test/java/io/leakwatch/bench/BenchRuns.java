package io.leakwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Starts and stops the JVMs a benchmark measures, with a clean environment and their output read line by line. */
final class BenchRuns {
    /**
     * Inherited variables that would change what the child runs: the demo's features, leakwatch and
     * OpenTelemetry settings, and options the JVM itself picks up (another agent, another heap size).
     */
    private static final List<String> REMOVED_PREFIXES =
            List.of("DEMO_FEATURES", "LEAKWATCH_", "OTEL_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private BenchRuns() {
    }

    /** The {@code java} launcher of the JDK running this benchmark, so both arms run on the same JDK. */
    static Path javaLauncher() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Starts {@code java} with {@code arguments}; every output line goes to {@code stdout} or {@code stderr}
     * on a reader thread of its own, which also keeps a chatty child from blocking on a full pipe.
     */
    static Process startJava(List<String> arguments, Consumer<String> stdout, Consumer<String> stderr)
            throws IOException {
        return startJava(List.of(), arguments, stdout, stderr);
    }

    /** The same, behind {@code launcherPrefix}: a command such as {@code taskset -c 1} that then runs {@code java}. */
    static Process startJava(List<String> launcherPrefix, List<String> arguments, Consumer<String> stdout,
            Consumer<String> stderr) throws IOException {
        List<String> command = new ArrayList<>(launcherPrefix);
        command.add(javaLauncher().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> REMOVED_PREFIXES.stream().anyMatch(name::startsWith));
        Process process = builder.start();
        readLines(process.getInputStream(), stdout, "stdout-" + process.pid());
        readLines(process.getErrorStream(), stderr, "stderr-" + process.pid());
        return process;
    }

    /** Asks the child to exit (its shutdown hooks run), and kills it if it has not within {@code grace}. */
    static void stop(Process process, Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** A loopback port that was free a moment ago; the child binds it soon after, before most others could. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void readLines(InputStream stream, Consumer<String> sink, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("<<output closed: " + e + ">>");
            }
        }, name);
        // The benchmark must be able to end even if a child it lost track of keeps its pipes open.
        reader.setDaemon(true);
        reader.start();
    }
}
