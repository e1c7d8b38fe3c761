package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A site written millions of times by short-lived containers costs a write almost nothing: the agent looks at a
 * small fraction of them. That sampling still finds a long-lived growing container at the same site, as long as it
 * is written again now and then; and stays silent when nothing there grows.
 */
class ChurningSiteIT {

    private static final String SITE = "com.acme.scenarios.ChurningSite$Request#items";
    private static final Pattern REPORT = Pattern.compile("writes=(\\d+) looks=(\\S+) ");
    private static final String AGENT = "packages=com.acme.scenarios,interval=250ms,window=3s,exporter=none";

    @Test
    void theAgentLooksAtFewWritesOfAChurningSite() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ChurningSite").agent(AGENT).start()) {
            Matcher report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> lastReport(jvm).filter(m -> Long.parseLong(m.group(1)) > 2_000_000), Optional::isPresent)
                    .orElseThrow();
            long writes = Long.parseLong(report.group(1));
            assertThat(report.group(2)).as("the agent's count of looks at full sites").matches("\\d+");
            long looks = Long.parseLong(report.group(2));
            assertThat(looks).as("looks at the full site out of %d writes", writes).isPositive()
                    .isLessThan(writes / 100);
            assertThat(jvm.alerts()).isEmpty();
        }
    }

    @Test
    void aLongLivedGrowingContainerWrittenAgainAmongChurnIsFound() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ChurningSite").argument("leaking").agent(AGENT)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jvm.alerts().stream().anyMatch(alert -> SITE.equals(alert.site())));
        }
    }

    private static Optional<Matcher> lastReport(ForkedJvm jvm) {
        Matcher last = null;
        for (String line : List.copyOf(jvm.stdout())) {
            Matcher m = REPORT.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return Optional.ofNullable(last);
    }
}
