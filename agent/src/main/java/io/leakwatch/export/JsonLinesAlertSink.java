package io.leakwatch.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.leakwatch.analysis.Alert;
import io.leakwatch.log.AgentLog;

/**
 * Appends each alert as one JSON line. The file is opened per alert: alerts are rare, and a file
 * that was rotated or deleted meanwhile is simply created again.
 */
public final class JsonLinesAlertSink implements AlertSink {

    private final Path file;

    public JsonLinesAlertSink(Path file) {
        this.file = file;
    }

    @Override
    public void deliver(Alert alert) {
        byte[] line = (AlertJson.toJson(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            AgentLog.once("events-file:" + file, "cannot append alerts to events.file " + file + ": " + e
                    + "; alerts still go to the other sinks");
        }
    }
}
