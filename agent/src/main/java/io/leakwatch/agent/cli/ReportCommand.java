package io.leakwatch.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import io.leakwatch.export.samples.SamplesFile;
import io.leakwatch.log.EchoedValue;
import io.leakwatch.report.HtmlReport;
import io.leakwatch.report.ReportAlert;
import io.leakwatch.report.ReportData;

/**
 * {@code report SAMPLES_FILE EVENTS_FILE -o FILE.html}: one self-contained HTML page of charts from a
 * {@code samples.file} and an {@code events.file}. When the agent has rotated the samples, {@code SAMPLES_FILE.1}
 * is read first, so the page starts at the oldest sample kept. Exit 0 once the page is written; 2, with one line
 * naming the file and the line, when an input cannot be read or parsed, or the page cannot be written.
 */
final class ReportCommand {

    private static final String ARGUMENTS = "report takes SAMPLES_FILE EVENTS_FILE -o FILE.html";

    private ReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> inputs = new ArrayList<>();
        String output = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-o") && i + 1 < args.length && output == null) {
                output = args[++i];
            } else {
                inputs.add(args[i]);
            }
        }
        if (inputs.size() != 2 || output == null) {
            return LeakwatchCommand.usage(err, ARGUMENTS);
        }
        Path samples;
        Path events;
        Path page;
        try {
            samples = Paths.get(inputs.get(0));
            events = Paths.get(inputs.get(1));
            page = Paths.get(output);
        } catch (InvalidPathException e) {
            return LeakwatchCommand.usage(err, EchoedValue.quoted(e.getInput()) + " is not a file path");
        }
        ReportData data = new ReportData();
        Path olderSamples = SamplesFile.previousGeneration(samples);
        boolean read = (!Files.exists(olderSamples) || readSamples(olderSamples, data, err))
                && readSamples(samples, data, err) && readAlerts(events, data, err);
        if (!read) {
            return LeakwatchCommand.USAGE_ERROR;
        }
        String html = HtmlReport.render(data, "samples: " + samples + (Files.exists(olderSamples)
                ? " (and " + olderSamples.getFileName() + ")" : "") + ", events: " + events);
        try {
            Files.write(page, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("leakwatch: cannot write " + EchoedValue.escaped(output) + ": " + reason(e));
            return LeakwatchCommand.USAGE_ERROR;
        }
        out.println("wrote " + EchoedValue.escaped(output) + ": " + data.suspects().size() + " suspect sites, "
                + data.pools().size() + " pools, " + data.alerts().size() + " alerts");
        return 0;
    }

    /** Samples of a kind this version does not know (from a newer agent) are skipped. */
    private static boolean readSamples(Path file, ReportData data, PrintStream err) {
        try (JsonObjectLines lines = JsonObjectLines.open(file)) {
            while (lines.next()) {
                long time = lines.time();
                String kind = lines.requiredText("kind");
                if (kind.equals("container")) {
                    data.addContainer(time, lines.requiredText("site"), lines.text("type"),
                            (long) lines.requiredNumber("size"), lines.number("estimatedBytes"));
                } else if (kind.equals("heap") || kind.equals("metaspace") || kind.equals("direct")) {
                    data.addPool(time, kind, lines.requiredText("pool"), (long) lines.requiredNumber("heapUsedAfterGc"),
                            lines.number("heapMax"), lines.number("secondsToExhaustion"));
                }
            }
            return true;
        } catch (IOException e) {
            return refused(file, e, err);
        }
    }

    private static boolean readAlerts(Path file, ReportData data, PrintStream err) {
        try (JsonObjectLines lines = JsonObjectLines.open(file)) {
            while (lines.next()) {
                long time = lines.time();
                String site = lines.text("site");
                String subject = site != null ? site : lines.text("pool");
                data.addAlert(new ReportAlert(time, lines.requiredText("severity"), lines.requiredText("kind"),
                        subject == null ? "?" : subject));
            }
            return true;
        } catch (IOException e) {
            return refused(file, e, err);
        }
    }

    private static boolean refused(Path file, IOException e, PrintStream err) {
        if (e instanceof EventsFileLines.BadLine) {
            err.println("leakwatch: " + EchoedValue.escaped(file.toString()) + " " + e.getMessage());
        } else {
            err.println("leakwatch: cannot read " + EchoedValue.escaped(file.toString()) + ": " + reason(e));
        }
        return false;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return EchoedValue.escaped(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
