package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value that cannot be used: one clear line, the agent off, the application running normally. */
class BadConfigurationIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "interval=soon|invalid value 'soon' for agent argument interval; expected a duration such as 250ms, 10s, 5m or 1h",
        "colour=red|unknown key 'colour' in the agent argument; accepted keys: packages, interval, window",
        "log=none;exporter=zipkin|invalid value 'zipkin' for agent argument exporter; expected otlp or none",
    })
    void saysWhatIsWrongAndLetsTheApplicationRun(String argument, String expectedMessage) throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .agent(argument.replace(';', ','))
                .argument("3")
                .start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stdout()).last().isEqualTo("done");
            assertThat(jvm.stderr()).hasSize(1);
            assertThat(jvm.stderr().get(0)).startsWith("[leakwatch] " + expectedMessage)
                    .endsWith("leakwatch is disabled, the application runs normally");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-Dleakwatch.window=forever|invalid value 'forever' for -Dleakwatch.window",
        "-Dleakwatch.nonsense=1|unknown system property -Dleakwatch.nonsense",
    })
    void systemPropertiesAreCheckedToo(String property, String expectedMessage) throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .jvmOption(property)
                .argument("3")
                .start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stdout()).last().isEqualTo("done");
            assertThat(jvm.stderr()).singleElement().asString().startsWith("[leakwatch] " + expectedMessage);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "LEAKWATCH_COLOUR|red",
    })
    void anUnknownEnvironmentVariableIsNamedAndIgnored(String name, String value) throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .agent("packages=com.acme.scenarios")
                .environment(name, value)
                .argument("3")
                .start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stderr()).singleElement().asString()
                    .startsWith("[leakwatch] ignoring unknown environment variable " + name);
        }
    }
}
