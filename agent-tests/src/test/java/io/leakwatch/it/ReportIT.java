package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A leaking JVM writes its samples; {@code report} turns them and the alerts into a page that a real browser
 * (headless Chromium, which {@code .ci/install-chromium} installs) renders with every sample of the leaking site
 * as a point and the alert marked.
 */
class ReportIT {

    private static final String STORE = "com.acme.scenarios.HeapAndBufferLeak$Store#ENTRIES";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRenderedPageChartsEverySampleOfTheLeakAndMarksItsAlert() throws Exception {
        Path chromium = chromium();
        Files.createDirectories(ForkedJvm.WORK_DIR);
        Path folder = Files.createTempDirectory(ForkedJvm.WORK_DIR, "report");
        Path samples = folder.resolve("not/yet/there/samples.jsonl");
        Path events;
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.HeapAndBufferLeak")
                .agent("packages=com.acme.scenarios,interval=250ms,window=5s,samples.file=" + samples)
                .jvmOption("-Xmx512m").jvmOption("-XX:MaxDirectMemorySize=512m")
                .start()) {
            jvm.awaitWarning(STORE);
            events = jvm.eventsFile();
        }
        List<Long> sampleTimes = sampleTimes(samples, STORE, "size");
        assertThat(sampleTimes).as("samples of the leaking site").hasSizeGreaterThan(10);
        List<Long> estimateTimes = sampleTimes(samples, STORE, "estimatedBytes");
        assertThat(estimateTimes).as("passes that estimated the site (at most once a minute)").isNotEmpty()
                .hasSizeLessThan(sampleTimes.size());

        Path page = folder.resolve("report.html");
        AgentCommand report = AgentCommand.run("report", samples.toString(), events.toString(), "-o", page.toString());
        assertThat(report.exit).as(report.toString()).isZero();

        String dom = renderedDom(chromium, page, folder);
        String sizeChart = element(dom, "<svg class=\"chart\"", "data-chart=\"size\" data-subject=\"" + STORE + "\"",
                "</svg>");
        assertThat(attributeValues(sizeChart, "<circle class=\"point\" data-series=\"size\" data-t=\"(\\d+)\""))
                .as("one point per sample line of the site, at its time").isEqualTo(sampleTimes);
        assertThat(sizeChart).contains("class=\"alert-marker warning\" data-severity=\"WARNING\"");
        String estimateChart = element(dom, "<svg class=\"chart\"",
                "data-chart=\"estimatedBytes\" data-subject=\"" + STORE + "\"", "</svg>");
        assertThat(attributeValues(estimateChart, "<circle class=\"point\" data-series=\"estimatedBytes\" data-t=\"(\\d+)\""))
                .isEqualTo(estimateTimes);
        assertThat(element(dom, "<section class=\"pool\"", "data-kind=\"heap\"", "</section>"))
                .as("the heap's floor, collected every second by the scenario")
                .contains("<circle class=\"point\" data-series=\"used\"", "<line class=\"level\" data-level=\"max\"");
        assertThat(element(dom, "<section class=\"pool\"", "data-pool=\"direct\"", "</section>"))
                .contains("<circle class=\"point\" data-series=\"used\"");
        assertThat(dom).contains("<circle class=\"alert warning\" data-severity=\"WARNING\"");
    }

    @Test
    void aSamplesFileThatCannotBeWrittenCostsOneLineAndNothingElse() throws Exception {
        Files.createDirectories(ForkedJvm.WORK_DIR);
        Path notAFolder = Files.createTempFile(ForkedJvm.WORK_DIR, "plain", ".txt");
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ContainerLeaks")
                .agent("packages=com.acme.scenarios,interval=250ms,window=5s,samples.file="
                        + notAFolder.resolve("samples.jsonl"))
                .start()) {
            jvm.awaitWarning(OtlpLeakScenario.STATIC_MAP);
            assertThat(jvm.stderr()).filteredOn(line -> line.contains("samples.file")).singleElement().asString()
                    .startsWith("[leakwatch] cannot write samples.file " + notAFolder.resolve("samples.jsonl"))
                    .contains("detection goes on");
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    /** Chromium from the PATH; the test fails, rather than skips, without it: CI installs it. */
    private static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Paths.get(entry, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("chromium is not installed (not on the PATH): run .ci/install-chromium,"
                + " which installs Debian's chromium package, as .ci/run does before the tests");
    }

    /** The times, in epoch milliseconds, of the sample lines of {@code site} that have {@code field}, in file order. */
    private static List<Long> sampleTimes(Path samples, String site, String field) throws IOException {
        List<Long> times = new ArrayList<>();
        for (String line : Files.readAllLines(samples, StandardCharsets.UTF_8)) {
            JsonNode sample = JSON.readTree(line);
            if ("container".equals(sample.path("kind").asText()) && site.equals(sample.path("site").asText())
                    && sample.has(field)) {
                times.add(Instant.parse(sample.get("time").asText()).toEpochMilli());
            }
        }
        return times;
    }

    /** The page's DOM after Chromium has loaded and rendered it, from a profile of its own. */
    private static String renderedDom(Path chromium, Path page, Path folder) throws Exception {
        Path out = folder.resolve("dom.html");
        Path err = folder.resolve("chromium.stderr");
        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + folder.resolve("chromium-profile"), "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!browser.waitFor(60, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s: " + Files.readString(err));
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(dom).as("chromium exit " + browser.exitValue() + ", stderr: " + Files.readString(err))
                .contains("<h1>leakwatch report</h1>");
        return dom;
    }

    /** The element that starts with {@code start}, whose start tag contains {@code marker}, up to {@code end}. */
    private static String element(String dom, String start, String marker, String end) {
        for (int at = dom.indexOf(start); at >= 0; at = dom.indexOf(start, at + 1)) {
            int tagEnd = dom.indexOf('>', at);
            if (dom.substring(at, tagEnd).contains(marker)) {
                return dom.substring(at, dom.indexOf(end, at));
            }
        }
        throw new AssertionError("no " + start + " with " + marker + " in the rendered page");
    }

    private static List<Long> attributeValues(String html, String regex) {
        List<Long> values = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(html);
        while (matcher.find()) {
            values.add(Long.parseLong(matcher.group(1)));
        }
        return values;
    }
}
