package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar leakwatch-agent.jar ...}, its exit code and its two outputs. */
final class AgentCommand {
    final int exit;
    final String stdout;
    final String stderr;

    private AgentCommand(int exit, String stdout, String stderr) {
        this.exit = exit;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static AgentCommand run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(ForkedJvm.AGENT_JAR.toString());
        command.addAll(List.of(arguments));
        Path folder = Files.createTempDirectory(ForkedJvm.WORK_DIR, "command");
        Path out = folder.resolve("stdout");
        Path err = folder.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("command finished").isTrue();
        return new AgentCommand(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs the command and requires its exit code; returns both outputs together. */
    static String expect(int exitCode, String... arguments) throws IOException, InterruptedException {
        AgentCommand finished = run(arguments);
        assertThat(finished.exit).as(finished.toString()).isEqualTo(exitCode);
        return finished.stdout + finished.stderr;
    }

    @Override
    public String toString() {
        return "exit " + exit + ", stdout: " + abbreviate(stdout) + ", stderr: " + abbreviate(stderr);
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
