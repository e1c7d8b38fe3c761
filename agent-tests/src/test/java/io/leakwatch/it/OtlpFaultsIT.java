package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.leakwatch.it.otlp.OtlpArrivals;
import io.leakwatch.it.otlp.OtlpReceiver;
import io.leakwatch.it.otlp.OtlpReceiver.Mode;

/**
 * The collector down, failing or hanging: the application runs on, the agent says so in one line,
 * stays bounded, and delivers the alerts it kept once the collector answers again.
 */
class OtlpFaultsIT {

    private static final String FAILING = "[leakwatch] OTLP export to ";
    private static final Pattern THREAD_LINE = Pattern.compile("^\"([^\"]+)\"", Pattern.MULTILINE);

    @Test
    void collectorDownAtStartThenUp() {
        int port = OtlpReceiver.freePort();
        try (ForkedJvm jvm = OtlpLeakScenario.exportingTo("http://127.0.0.1:" + port).start()) {
            jvm.awaitWarning(OtlpLeakScenario.STATIC_MAP);
            await().atMost(Duration.ofSeconds(30)).until(() -> noticeLines(jvm).size() == 1);
            assertThat(noticeLines(jvm).get(0)).contains("127.0.0.1:" + port).contains("failed")
                    .contains("the application is unaffected");
            awaitApplicationProgress(jvm);

            try (OtlpReceiver receiver = OtlpReceiver.startOn(port)) {
                OtlpArrivals.awaitAlertRecord(receiver, OtlpLeakScenario.STATIC_MAP, "WARNING");
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.metrics().stream()
                        .anyMatch(metric -> metric.name().equals("leakwatch.container.size")));
                await().atMost(Duration.ofSeconds(30)).until(() -> noticeLines(jvm).size() == 2);
                assertThat(noticeLines(jvm).get(1)).endsWith("works again");
            }
        }
    }

    @Test
    void collectorAnswering500Then429ThenAccepting() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            receiver.respondWith(Mode.FAIL_500);
            try (ForkedJvm jvm = OtlpLeakScenario.exportingTo(receiver.endpoint()).start()) {
                jvm.awaitWarning(OtlpLeakScenario.STATIC_MAP);
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.failedRequests() >= 5);
                receiver.respondWith(Mode.THROTTLE_429);
                int failedBefore429 = receiver.failedRequests();
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.failedRequests() >= failedBefore429 + 5);
                assertThat(noticeLines(jvm)).singleElement().asString().contains("500");
                awaitApplicationProgress(jvm);

                receiver.respondWith(Mode.ACCEPT);
                OtlpArrivals.awaitAlertRecord(receiver, OtlpLeakScenario.STATIC_MAP, "WARNING");
                await().atMost(Duration.ofSeconds(30)).until(() -> noticeLines(jvm).size() == 2);
                assertThat(noticeLines(jvm).get(1)).endsWith("works again");
            }
        }
    }

    @Test
    void hangingCollectorCostsNoThreadsAndNoAnswers() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            receiver.respondWith(Mode.HANG);
            try (ForkedJvm jvm = OtlpLeakScenario.exportingTo(receiver.endpoint())
                    .environment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
                    .start()) {
                jvm.awaitWarning(OtlpLeakScenario.STATIC_MAP);
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.failedRequests() >= 5);
                int threadsEarly = threads(jvm).size();
                int hungEarly = receiver.failedRequests();
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.failedRequests() >= hungEarly + 10);
                List<String> threadsLate = threads(jvm);
                assertThat(threadsLate.size()).as("threads after 10 more hung exports: %s", threadsLate)
                        .isLessThanOrEqualTo(threadsEarly + 2);
                assertThat(noticeLines(jvm)).hasSize(1);
                awaitApplicationProgress(jvm);
            }
        }
    }

    private static List<String> noticeLines(ForkedJvm jvm) {
        return jvm.stderr().stream().filter(line -> line.startsWith(FAILING)).toList();
    }

    /** The scenario prints a tick line every half second or so; a new one shows it is not held up. */
    private static void awaitApplicationProgress(ForkedJvm jvm) {
        int linesNow = jvm.stdout().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> jvm.stdout().stream().skip(linesNow)
                .anyMatch(line -> line.startsWith("tick ")));
    }

    private static List<String> threads(ForkedJvm jvm) throws Exception {
        Matcher matcher = THREAD_LINE.matcher(jvm.threadDump());
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
