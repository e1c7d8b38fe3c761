package io.leakwatch.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    private static final String LEAK = "com.acme.A#cache";
    private static final String FLAT = "com.acme.B#fixed";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path folder;

    private int run(String... args) {
        return LeakwatchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String site(int second, String site, long size, String estimate) {
        return "{\"time\":\"2026-01-01T00:00:" + String.format("%02d", second) + "Z\",\"kind\":\"container\",\"site\":\""
                + site + "\",\"type\":\"java.util.HashMap\",\"size\":" + size + estimate + "}\n";
    }

    private static String heap(int second, long used, String projection) {
        return "{\"time\":\"2026-01-01T00:00:" + String.format("%02d", second) + "Z\",\"kind\":\"heap\","
                + "\"pool\":\"G1 Old Gen\",\"heapUsedAfterGc\":" + used + ",\"heapMax\":1000000" + projection + "}\n";
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    /** The SVG chart of {@code chart} for {@code subject}. */
    private static String chart(String html, String chart, String subject) {
        int start = html.indexOf("data-chart=\"" + chart + "\" data-subject=\"" + subject + "\"");
        assertTrue(start >= 0, chart + " chart of " + subject + " in " + html);
        return html.substring(start, html.indexOf("</svg>", start));
    }

    @Test
    void writesAChartPerSuspectWithEveryPointTheAlertAndThePoolsProjection() throws IOException {
        Path samples = write("samples.jsonl", site(0, LEAK, 100, ",\"estimatedBytes\":4000")
                + site(0, FLAT, 50, "") + heap(0, 100_000, "")
                + site(1, LEAK, 200, "") + site(1, FLAT, 50, "") + heap(1, 200_000, ",\"secondsToExhaustion\":8.0")
                + "\n"
                + site(2, LEAK, 300, ",\"estimatedBytes\":12000") + site(2, FLAT, 50, ""));
        Path events = write("events.jsonl", "{\"time\":\"2026-01-01T00:00:02Z\",\"severity\":\"WARNING\","
                + "\"kind\":\"container\",\"site\":\"" + LEAK + "\",\"size\":300}\n");
        Path page = folder.resolve("report.html");

        assertEquals(0, run("report", samples.toString(), events.toString(), "-o", page.toString()), err.toString());
        String html = Files.readString(page);

        String size = chart(html, "size", LEAK);
        assertEquals(3, count(size, "<circle class=\"point\" data-series=\"size\""));
        assertTrue(size.contains("data-t=\"1767225601000\" data-v=\"200\""), size);
        assertEquals(1, count(size, "class=\"alert-marker warning\" data-severity=\"WARNING\" data-t=\"1767225602000\""));
        assertEquals(2, count(chart(html, "estimatedBytes", LEAK), "<circle class=\"point\""));
        assertFalse(html.contains("data-site=\"" + FLAT + "\""), "a flat site without alerts is no suspect");

        String pool = chart(html, "used", "G1 Old Gen");
        assertEquals(2, count(pool, "<circle class=\"point\""));
        assertTrue(pool.contains("class=\"level\" data-level=\"max\" data-v=\"1000000\""), pool);
        assertTrue(pool.contains("class=\"projection\" data-t=\"1767225609000\" data-v=\"1000000\""), pool);
        assertEquals(1, count(html, "<circle class=\"alert warning\""), "on the timeline");

        assertFalse(html.contains("<script"), "no script");
        assertEquals(0, count(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""), "(?i)(src|href|url)\\s*[=(]"),
                "nothing fetched");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 suspect sites"), out.toString());
    }

    @Test
    void readsTheRotatedGenerationFirst() throws IOException {
        write("samples.jsonl.1", site(0, LEAK, 100, "") + site(1, LEAK, 200, ""));
        Path samples = write("samples.jsonl", site(2, LEAK, 300, ""));
        Path events = write("events.jsonl", "");
        Path page = folder.resolve("report.html");

        assertEquals(0, run("report", samples.toString(), events.toString(), "-o", page.toString()), err.toString());
        String size = chart(Files.readString(page), "size", LEAK);
        assertEquals(3, count(size, "<circle class=\"point\""));
        assertTrue(size.indexOf("data-v=\"100\"") < size.indexOf("data-v=\"300\""), "oldest first");
    }

    @Test
    void namesOfTheFilesAreEscaped() throws IOException {
        String hostile = "com.acme.X#<script>alert(1)</script>";
        Path samples = write("samples.jsonl", site(0, hostile, 1, "") + site(1, hostile, 500, ""));
        Path page = folder.resolve("report.html");
        assertEquals(0, run("report", samples.toString(), write("events.jsonl", "").toString(), "-o", page.toString()));
        String html = Files.readString(page);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("com.acme.X#&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void aLineThatCannotBeParsedExitsTwoNamingFileAndLine() throws IOException {
        Path samples = write("samples.jsonl", site(0, LEAK, 100, "") + "{\"time\":\"2026-01-01T00:00:01Z\",\n");
        Path events = write("events.jsonl", "");
        assertEquals(2, run("report", samples.toString(), events.toString(), "-o", folder.resolve("r.html").toString()));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("leakwatch: " + samples + " line 2 is not JSON"), said);
        assertEquals(1, said.lines().count(), said);
        assertFalse(Files.exists(folder.resolve("r.html")));

        err.reset();
        Path badAlert = write("bad-events.jsonl", "\n{\"time\":\"yesterday\",\"severity\":\"WARNING\",\"kind\":\"heap\"}\n");
        assertEquals(2, run("report", write("ok.jsonl", "").toString(), badAlert.toString(), "-o", "r.html"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("leakwatch: " + badAlert + " line 2 has a \"time\""),
                err.toString());

        err.reset();
        assertEquals(2, run("report", samples.toString(), folder.resolve("missing").toString(), "-o", "r.html"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2"), "the samples are read first");
        err.reset();
        Path fine = write("fine.jsonl", "");
        assertEquals(2, run("report", fine.toString(), folder.resolve("missing").toString(), "-o", "r.html"));
        assertEquals("leakwatch: cannot read " + folder.resolve("missing") + ": no such file",
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void wrongArgumentsPrintUsage() {
        assertEquals(2, run("report", "samples.jsonl", "events.jsonl"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("report SAMPLES_FILE EVENTS_FILE -o FILE.html"));
        assertEquals(2, run("report", "samples.jsonl", "-o", "r.html"));
        assertEquals(2, run("report", "a", "b", "c", "-o", "r.html"));
    }
}
