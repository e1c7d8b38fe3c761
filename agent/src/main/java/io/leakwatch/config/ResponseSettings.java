package io.leakwatch.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the agent does beyond raising an alert: keep its samples for {@code report}, dump the heap on CRITICAL,
 * run an action. All off unless configured.
 */
public final class ResponseSettings {

    private final Path samplesFile;
    private final boolean heapDumpOnCritical;
    private final Path heapDumpDir;
    private final ActionTarget onWarning;
    private final ActionTarget onCritical;
    private final boolean actionDryRun;

    ResponseSettings(Path samplesFile, boolean heapDumpOnCritical, Path heapDumpDir, ActionTarget onWarning,
            ActionTarget onCritical, boolean actionDryRun) {
        this.samplesFile = samplesFile;
        this.heapDumpOnCritical = heapDumpOnCritical;
        this.heapDumpDir = heapDumpDir;
        this.onWarning = onWarning;
        this.onCritical = onCritical;
        this.actionDryRun = actionDryRun;
    }

    /** None of it configured. */
    public static ResponseSettings none() {
        return new ResponseSettings(null, false, null, null, null, false);
    }

    /** Where the samples taken are appended, for {@code report}. */
    public Optional<Path> samplesFile() {
        return Optional.ofNullable(samplesFile);
    }

    public boolean heapDumpOnCritical() {
        return heapDumpOnCritical;
    }

    /** Absolute; the JVM's working directory unless configured. */
    public Path heapDumpDir() {
        return heapDumpDir;
    }

    public Optional<ActionTarget> onWarning() {
        return Optional.ofNullable(onWarning);
    }

    public Optional<ActionTarget> onCritical() {
        return Optional.ofNullable(onCritical);
    }

    /** Log what an action would run instead of running it. */
    public boolean actionDryRun() {
        return actionDryRun;
    }
}
