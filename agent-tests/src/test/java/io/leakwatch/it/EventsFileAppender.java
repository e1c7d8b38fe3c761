package io.leakwatch.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.export.JsonLinesAlertSink;

/**
 * A forked program that appends alerts with very long sites to one events file through the agent's own
 * sink, starting when a "go" file appears so that two such programs write at the same moment.
 * Arguments: EVENTS_FILE GO_FILE LINES TAG.
 */
public final class EventsFileAppender {

    /** Longer than the 8 KiB a single buffered write of the JDK carries. */
    static final int SITE_LENGTH = 24 * 1024;

    private EventsFileAppender() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path events = Paths.get(args[0]);
        Path go = Paths.get(args[1]);
        int lines = Integer.parseInt(args[2]);
        String tag = args[3];
        JsonLinesAlertSink sink = new JsonLinesAlertSink(events);
        System.out.println("ready");
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        for (int i = 0; i < lines; i++) {
            String site = "com.acme." + tag + i + "#" + tag.repeat(SITE_LENGTH);
            sink.deliver(Alert.builder(Instant.now(), Severity.WARNING, AlertKind.CONTAINER).site(site)
                    .type("java.util.HashMap").size(i).build());
        }
        System.out.println("done");
    }
}
