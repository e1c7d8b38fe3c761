package io.leakwatch.respond.action;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.leakwatch.respond.action.ActionOutcome.Failure;

/**
 * {@code exec:/path/to/command}: starts the command directly, never through a shell, so nothing in an alert is
 * ever interpreted as shell syntax. It gets the alert's JSON on stdin, its fields as {@code LEAKWATCH_*}
 * variables (see {@link ActionEnvironment}) besides the JVM's own environment, and no arguments. Its stderr goes
 * straight to the JVM's stderr and its stdout is discarded, both by the operating system, so no pipe of ours can
 * fill up and stall it. Past the timeout it is destroyed forcibly, with the processes it started.
 */
final class CommandAction implements Action {

    private final Path command;
    private final long timeoutMillis;

    CommandAction(Path command, long timeoutMillis) {
        this.command = command;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public ActionOutcome run(ActionRequest request) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(request.environment());
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            // The exception's type only: its message repeats the path, which the log line names already.
            return ActionOutcome.failed(Failure.NOT_STARTED, "could not be started (" + e.getClass().getName() + ")");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        writeInput(process, request.json());
        if (!waitUntil(process, deadline)) {
            destroyWithDescendants(process);
            return ActionOutcome.failed(Failure.TIMED_OUT, "still running after " + timeoutMillis
                    + " ms, destroyed");
        }
        int status = process.exitValue();
        return status == 0 ? ActionOutcome.done()
                : ActionOutcome.failed(Failure.EXIT_STATUS, "exited with status " + status);
    }

    /**
     * The alert is a few hundred bytes, far less than any pipe holds, so the write completes whether or not the
     * command reads it. A command that exits without reading it closes the pipe: that is its choice, not a failure.
     */
    private static void writeInput(Process process, String json) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(json.getBytes(StandardCharsets.UTF_8));
            stdin.write('\n');
        } catch (IOException notRead) {
            // The command closed its stdin or already exited.
        }
    }

    /** Waits for the exit until the deadline. An interrupt is someone else's housekeeping: the wait goes on. */
    private static boolean waitUntil(Process process, long deadlineNanos) {
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            try {
                return process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                if (left <= 0) {
                    return !process.isAlive();
                }
            }
        }
    }

    /** A script's children (a {@code sleep}, a {@code curl}) would outlive it, so they go first. */
    private static void destroyWithDescendants(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            // Reaping is the JDK's business from here; the process is already killed.
        }
    }
}
