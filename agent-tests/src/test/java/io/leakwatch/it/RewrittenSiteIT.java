package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A field set over and over to the container the agent holds already is let pass by the bridge without a look or a
 * countdown, so a container written there exactly once among those writes is still taken, and found if it grows.
 * Before, one re-write in about twelve was looked at, and a container written once passed unseen eleven times in
 * twelve.
 */
class RewrittenSiteIT {

    private static final String SITE = "com.acme.scenarios.RewrittenSite$Holder#items";
    private static final Pattern REPORT = Pattern.compile("writes=(\\d+) registrations=(\\S+) ");
    private static final String AGENT = "packages=com.acme.scenarios,interval=250ms,window=3s,exporter=none";
    /** Seconds of reports after the write that the silent run waits: the window, and as long again. */
    private static final int REPORTS_AFTER_THE_WRITE = 6;

    @Test
    void aContainerWrittenOnceAmongReWritesIsTakenAndNothingIsWarnedWhileItKeepsItsSize() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.RewrittenSite").agent(AGENT).start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> reportsAfterTheWrite(jvm).size() >= REPORTS_AFTER_THE_WRITE);
            List<Matcher> after = reportsAfterTheWrite(jvm);
            Matcher last = after.get(after.size() - 1);
            assertThat(Long.parseLong(last.group(1))).as("writes of the field, nearly all of the same list")
                    .isGreaterThan(1_000_000);
            assertThat(last.group(2)).as("the list set over and over, and the one written once").isEqualTo("2");
            assertThat(jvm.alerts()).as("alerts while no list grows").isEmpty();
        }
    }

    @Test
    void aGrowingContainerWrittenOnceAmongReWritesIsFound() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.RewrittenSite").argument("leaking").agent(AGENT)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jvm.alerts().stream().anyMatch(alert -> SITE.equals(alert.site())));
        }
    }

    /** The program's reports printed after its one write of the second list, in order. */
    private static List<Matcher> reportsAfterTheWrite(ForkedJvm jvm) {
        List<String> lines = List.copyOf(jvm.stdout());
        int written = lines.indexOf("written once");
        if (written < 0) {
            return List.of();
        }
        return lines.subList(written + 1, lines.size()).stream()
                .map(REPORT::matcher)
                .filter(Matcher::find)
                .toList();
    }
}
