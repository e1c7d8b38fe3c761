package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The recorded traces of a folder, listed in its {@code index.txt} as {@code <kind> <file> <pace>}: for healthy and leak
 * traces the slowest pace at which the trace is still the shape its kind says, for known false alarms the pace at
 * which one is raised (see the index's comments); and the checks every replay test makes of them: at every pass
 * phase and every pace up to the slowest, a healthy trace raises nothing and a leak is reported in time.
 */
final class RecordedTraces {

    /** Where in the interval the first pass falls. */
    static final long[] PHASES_MILLIS = {0, 50, 100, 150, 200, 250, 300, 350, 400, 450};

    /** A trace replayed at one phase and pace: the alerts it raises, at their replayed times. */
    @FunctionalInterface
    interface Replay {
        List<Alert> alerts(long phaseMillis, double pace);
    }

    private RecordedTraces() {
    }

    static void assertNeverReported(String name, double[] paces, Replay replay) {
        for (double pace : paces) {
            for (long phase : PHASES_MILLIS) {
                List<Alert> alerts = replay.alerts(phase, pace);
                assertTrue(alerts.isEmpty(), () -> String.format("%s at pace %.2f, phase %d ms: %s", name, pace, phase,
                        describe(alerts)));
            }
        }
    }

    /** The first alert comes while at least {@code minLeadFraction} of the time to the error is still ahead. */
    static void assertReportedAhead(String name, double[] paces, long outOfMemoryMillis, double minLeadFraction,
            Replay replay) {
        for (double pace : paces) {
            long outOfMemory = (long) (outOfMemoryMillis * pace);
            for (long phase : PHASES_MILLIS) {
                List<Alert> alerts = replay.alerts(phase, pace);
                assertFalse(alerts.isEmpty(), String.format("%s at pace %.2f, phase %d ms: no alert", name, pace, phase));
                long alertedAt = alerts.get(0).time().toEpochMilli();
                assertTrue((outOfMemory - alertedAt) / (double) outOfMemory >= minLeadFraction,
                        () -> String.format("%s at pace %.2f, phase %d ms: first alert at %d ms, out of memory at %d ms",
                                name, pace, phase, alertedAt, outOfMemory));
            }
        }
    }

    static double[] pacesUpTo(double[] paces, double slowestPace) {
        return DoubleStream.of(paces).filter(pace -> pace <= slowestPace).toArray();
    }

    static String describe(List<Alert> alerts) {
        return alerts.stream().map(alert -> String.format("%s at %d ms, %.1f MiB/min, used %d MiB", alert.severity(),
                alert.time().toEpochMilli(), alert.growthPerMin() / (1 << 20), alert.heapUsedAfterGc() >> 20))
                .collect(Collectors.joining("; "));
    }

    /** (file, pace) of the traces of one kind ({@code healthy}, {@code leak} or {@code known}) in the folder. */
    static Stream<Arguments> named(String folder, String kind) {
        try (InputStream in = RecordedTraces.class.getResourceAsStream("/" + folder + "/index.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(line -> line.startsWith(kind + " ")).map(line -> line.split("\\s+"))
                    .map(fields -> Arguments.of(fields[1], Double.parseDouble(fields[2])))
                    .collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
