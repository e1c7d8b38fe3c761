package io.leakwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short version of {@code churn-shared} that CI runs: one round, a few seconds, so that the harness a cost figure
 * rests on keeps working. A round counts only if every one of its five JVMs proves which agent it ran (none, the
 * control arm's, leakwatch watching no package, leakwatch with its registrations): the harness throws otherwise. The
 * figures of so short a run mean nothing and are not asserted.
 */
class SharedCoreChurnSmokeIT {

    private static final Pattern MEDIAN = Pattern.compile("median (.+): (\\d+\\.\\d+) \\(range .*\\)");

    @ParameterizedTest(name = "control arm: {0}")
    @ValueSource(strings = {"empty", "gc-metrics"})
    void aRoundOfEveryArmProvesItsAgentAndReportsItsRatios(String control) throws Exception {
        List<String> report = SharedCoreChurnBenchmark.measure(1, 3, 2, control);

        assertThat(report.get(0)).contains("1 rounds of 5 JVMs on one core");
        assertThat(report).anySatisfy(line -> assertThat(line).contains("registrations="));
        String controlName = "gc-metrics".equals(control)
                ? "an agent listening to the collectors as GC metrics do" : "an agent that does nothing";
        assertThat(report.get(0)).endsWith("the control arm: " + controlName);
        List<String> medians = report.stream().filter(line -> line.startsWith("median ")).toList();
        assertThat(medians).anySatisfy(line -> assertThat(line).startsWith("median the same, leakwatch/" + controlName));
        for (String line : medians) {
            Matcher median = MEDIAN.matcher(line);
            assertThat(median.matches()).as(line).isTrue();
            assertThat(Double.parseDouble(median.group(2))).as(line).isPositive();
        }
    }
}
