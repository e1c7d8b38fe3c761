package io.leakwatch.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventsCheckTest {

    private static final String WARNING = alert("WARNING", "com.acme.A#cache");
    private static final String RESOLVED = alert("RESOLVED", "com.acme.A#cache");

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String alert(String severity, String site) {
        return "{\"time\":\"2026-01-01T00:00:00Z\",\"severity\":\"" + severity + "\",\"kind\":\"container\",\"site\":\""
                + site + "\"}";
    }

    private int check(String content, String... options) throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.writeString(events, content);
        String[] args = new String[options.length + 1];
        args[0] = events.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        return EventsCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLeakThatWasResolvedLaterStillFailsTheCheck() throws IOException {
        assertEquals(1, check(WARNING + "\n" + RESOLVED + "\n"));
        assertEquals("WARNING container com.acme.A#cache", out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void onlyResolvedAlertsPass() throws IOException {
        assertEquals(0, check(RESOLVED + "\n"));
        assertEquals(0, check(""));
        assertEquals(List.of(), errLines());
    }

    @Test
    void blankLinesAndWindowsLineEndsAreAllowed() throws IOException {
        assertEquals(1, check("\n" + RESOLVED + "\r\n  \n" + WARNING));
        assertEquals(List.of(), errLines());
    }

    @Test
    void aLongSiteIsNamedWhole() throws IOException {
        String site = "com.acme.Owner#" + "f".repeat(200_000);
        assertEquals(1, check(alert("CRITICAL", site) + "\n"));
        assertEquals("CRITICAL container " + site, out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void controlCharactersInANameAreShownEscaped() throws IOException {
        assertEquals(1, check(alert("WARNING", "com.acme.A#x\\u001b[2J\\nforged") + "\n"));
        assertEquals("WARNING container com.acme.A#x\\u001b[2J\\nforged", out.toString(StandardCharsets.UTF_8).trim());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated|{\"severity\":\"WARN|line 2 is not JSON: a string that is never closed at column 13",
        "an array|[1,2]|line 2 is not a JSON object",
        "a number|42|line 2 is not a JSON object",
        "a string|\"WARNING\"|line 2 is not a JSON object",
        "no severity|{\"kind\":\"heap\"}|line 2 is not an alert: it has no \"severity\"",
        "severity not text|{\"severity\":2}|line 2 has a \"severity\" that is not a string",
        "site not text|{\"severity\":\"WARNING\",\"site\":[]}|line 2 has a \"site\" that is not a string",
        "a bad escape|{\"severity\":\"WARN\\qING\"}|line 2 is not JSON: an invalid escape '\\q' at column 18",
    })
    void aLineThatIsNotAnAlertExitsTwoNamingFileAndLine(String what, String line, String problem) throws IOException {
        assertEquals(2, check(RESOLVED + "\n" + line + "\n" + WARNING + "\n"), what);
        assertEquals(List.of("leakwatch: " + folder.resolve("events.jsonl") + " " + problem), errLines());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() throws IOException {
        Path events = folder.resolve("events.jsonl");
        byte[] bad = (RESOLVED + "\n" + RESOLVED + "\n{\"severity\":\"\u00ff\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(events, bad);
        assertEquals(2, EventsCheck.run(new String[] {events.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(List.of("leakwatch: " + events + " line 3 is not UTF-8 text"), errLines());
    }

    @Test
    void aMissingFileOrAFolderExitsTwoInOneLine() {
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Path missing = folder.resolve("missing.jsonl");
        assertEquals(2, EventsCheck.run(new String[] {missing.toString()}, outStream, errStream));
        assertEquals(List.of("leakwatch: cannot read " + missing + ": no such file"), errLines());
        err.reset();
        assertEquals(2, EventsCheck.run(new String[] {folder.toString()}, outStream, errStream));
        assertEquals(1, errLines().size());
        assertTrue(errLines().get(0).startsWith("leakwatch: cannot read " + folder + ": "), errLines().get(0));
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsNumber() throws IOException {
        byte[] content = ("{}\n" + "x".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8);
        try (EventsFileLines lines = new EventsFileLines(new ByteArrayInputStream(content), 50)) {
            assertEquals("{}", lines.next());
            assertEquals(1, lines.number());
            EventsFileLines.BadLine error = org.junit.jupiter.api.Assertions.assertThrows(EventsFileLines.BadLine.class,
                    lines::next);
            assertEquals("line 2 is longer than 50 bytes", error.getMessage());
        }
    }

    @Test
    void theLevelIsCheckedBeforeTheFileIsRead() throws IOException {
        assertEquals(2, check(WARNING + "\n", "--fail-on", "\u001b[31mRED"));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\u001b"));
    }
}
