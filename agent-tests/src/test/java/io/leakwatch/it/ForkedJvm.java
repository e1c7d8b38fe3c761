package io.leakwatch.it;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A JVM started for one test, optionally with the shaded agent, whose output is collected line by line. */
final class ForkedJvm implements AutoCloseable {

    static final Path AGENT_JAR = Paths.get(System.getProperty("leakwatch.agentJar"));
    static final Path SCENARIO_CLASSES = Paths.get(System.getProperty("leakwatch.scenarioClasses"));
    static final Path WORK_DIR = Paths.get(System.getProperty("leakwatch.workDir"));

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Path eventsFile;

    private ForkedJvm(Process process, Path eventsFile) {
        this.process = process;
        this.eventsFile = eventsFile;
        collect(process.getInputStream(), stdout);
        collect(process.getErrorStream(), stderr);
    }

    /** A main class of the scenario programs in this module's test classes. */
    static Builder builder(String mainClass) {
        return new Builder(mainClass, null);
    }

    /** An application packaged as an executable jar, run with {@code -jar}. */
    static Builder executableJar(Path jar) {
        return new Builder(jar.getFileName().toString().replace(".jar", ""), jar);
    }

    Process process() {
        return process;
    }

    List<String> stdout() {
        return stdout;
    }

    List<String> stderr() {
        return stderr;
    }

    /** The events file this JVM's agent writes to (it may not exist yet). */
    Path eventsFile() {
        return eventsFile;
    }

    /** The alerts written so far. */
    List<AlertRecord> alerts() {
        return AlertRecord.readAll(eventsFile);
    }

    /** The first WARNING the events file holds for {@code site}, waited for. */
    AlertRecord awaitWarning(String site) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> alerts().stream()
                        .filter(alert -> site.equals(alert.site()) && "WARNING".equals(alert.severity())).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The running JVM's threads, as {@code jcmd Thread.print} lists them. */
    String threadDump() throws IOException, InterruptedException {
        Path jcmdPath = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        Process jcmd = new ProcessBuilder(jcmdPath.toString(), Long.toString(process.pid()), "Thread.print")
                .redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new AssertionError("jcmd Thread.print did not finish within 30 s");
        }
        return dump;
    }

    int waitForExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("forked JVM did not exit within " + seconds + " s; stderr: " + stderr);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void collect(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<<output closed: " + e + ">>");
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** How to start the JVM. */
    static final class Builder {
        private final String mainClass;
        private final Path executableJar;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> optionsBeforeAgent = new ArrayList<>();
        private final List<String> classpath = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final List<String> environment = new ArrayList<>();
        private final List<String> unsetEnvironment = new ArrayList<>();
        private String agentArgument;
        private boolean withAgent = true;
        private Path javaHome = Paths.get(System.getProperty("java.home"));

        private Builder(String mainClass, Path executableJar) {
            this.mainClass = mainClass;
            this.executableJar = executableJar;
        }

        /** Agent options besides events.file, which every forked JVM gets in its own folder. */
        Builder agent(String argument) {
            this.agentArgument = argument;
            return this;
        }

        Builder withoutAgent() {
            this.withAgent = false;
            return this;
        }

        Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** An option placed before leakwatch's {@code -javaagent}, such as another agent that must load first. */
        Builder jvmOptionBeforeAgent(String option) {
            optionsBeforeAgent.add(option);
            return this;
        }

        /** Puts more on the scenario's class path, after the scenario classes. */
        Builder classpath(String entries) {
            classpath.add(entries);
            return this;
        }

        /** Puts the jar (or folder) a library class of the test's own class path came from on the scenario's. */
        Builder classpathOf(Class<?> libraryClass) {
            try {
                return classpath(Path.of(libraryClass.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("no jar for " + libraryClass, e);
            }
        }

        Builder argument(String argument) {
            arguments.add(argument);
            return this;
        }

        Builder environment(String name, String value) {
            environment.add(name);
            environment.add(value);
            return this;
        }

        /** Removes a variable this JVM would otherwise inherit. */
        Builder unsetEnvironment(String name) {
            unsetEnvironment.add(name);
            return this;
        }

        Builder javaHome(Path home) {
            this.javaHome = home;
            return this;
        }

        private boolean setsKey(String key) {
            return agentArgument != null && ("," + agentArgument).contains("," + key + "=");
        }

        ForkedJvm start() {
            try {
                Files.createDirectories(WORK_DIR);
                Path folder = Files.createTempDirectory(WORK_DIR, mainClass.substring(mainClass.lastIndexOf('.') + 1));
                Path events = folder.resolve("events.jsonl");
                List<String> command = new ArrayList<>();
                command.add(javaHome.resolve("bin").resolve("java").toString());
                command.addAll(optionsBeforeAgent);
                if (withAgent) {
                    // The agent refuses a key given twice, so the defaults give way to the test's own choice.
                    List<String> options = new ArrayList<>();
                    if (!setsKey("events.file")) {
                        options.add("events.file=" + events);
                    }
                    if (!setsKey("exporter")) {
                        options.add("exporter=none");
                    }
                    if (agentArgument != null && !agentArgument.isEmpty()) {
                        options.add(agentArgument);
                    }
                    String argument = String.join(",", options);
                    command.add("-javaagent:" + AGENT_JAR + "=" + argument);
                }
                command.addAll(jvmOptions);
                if (executableJar != null) {
                    command.add("-jar");
                    command.add(executableJar.toString());
                } else {
                    command.add("-cp");
                    List<String> entries = new ArrayList<>();
                    entries.add(SCENARIO_CLASSES.toString());
                    entries.addAll(classpath);
                    command.add(String.join(File.pathSeparator, entries));
                    command.add(mainClass);
                }
                command.addAll(arguments);
                ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
                builder.environment().keySet().removeIf(name -> name.startsWith("LEAKWATCH_") || name.startsWith("OTEL_")
                        || unsetEnvironment.contains(name));
                for (int i = 0; i < environment.size(); i += 2) {
                    builder.environment().put(environment.get(i), environment.get(i + 1));
                }
                return new ForkedJvm(builder.start(), events);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
