package com.acme.payment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

    @Test
    void defaultsServeOnLoopbackPort8080WithNoLoadAndNoFeatures() throws Exception {
        Options options = parse();
        assertEquals("127.0.0.1", options.bindAddress());
        assertEquals(8080, options.port());
        assertFalse(options.generatesLoad());
        assertEquals(Optional.empty(), options.duration());
        assertEquals(Set.of(), options.features());
        assertFalse(options.helpRequested());
    }

    @Test
    void readsEveryOption() throws Exception {
        Options options = parse("--port", "0", "--bind", "0.0.0.0", "--load", "300", "--duration", "5m", "--feature",
                "fraud-history");
        assertEquals(0, options.port());
        assertEquals("0.0.0.0", options.bindAddress());
        assertEquals(300, options.loadRequestsPerSecond());
        assertTrue(options.generatesLoad());
        assertEquals(Optional.of(Duration.ofMinutes(5)), options.duration());
        assertTrue(options.has(Feature.FRAUD_HISTORY));
    }

    @Test
    void acceptsValuesAfterAnEqualsSign() throws Exception {
        Options options = parse("--port=9090", "--duration=90s", "--feature=fraud-history");
        assertEquals(9090, options.port());
        assertEquals(Optional.of(Duration.ofSeconds(90)), options.duration());
        assertTrue(options.has(Feature.FRAUD_HISTORY));
    }

    @Test
    void switchesFeaturesOnFromTheEnvironment() throws Exception {
        Options options = CommandLine.parse(List.of(), Map.of("DEMO_FEATURES", " fraud-history ,"));
        assertTrue(options.has(Feature.FRAUD_HISTORY));
        assertEquals(Set.of(), CommandLine.parse(List.of(), Map.of("DEMO_FEATURES", "")).features());
    }

    @Test
    void recognisesHelp() throws Exception {
        assertTrue(parse("--help").helpRequested());
        assertTrue(parse("-h").helpRequested());
        assertTrue(CommandLine.usage().contains("--feature NAME"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--port abc          | --port expects a whole number from 0 to 65535, got 'abc'",
        "--port 65536        | --port expects a whole number from 0 to 65535, got '65536'",
        "--port -1           | --port expects a whole number from 0 to 65535, got '-1'",
        "--load 0            | --load expects a whole number from 1 to 10000, got '0'",
        "--load fast         | --load expects a whole number from 1 to 10000, got 'fast'",
        "--duration 5        | --duration: invalid duration '5'; expected a number with ms, s, m or h, e.g. 90s or 5m",
        "--duration 0s       | --duration: invalid duration '0s'; it must be longer than zero",
        "--feature leaky     | --feature: unknown feature 'leaky'; known features: fraud-history",
        "--port              | --port needs a value",
        "--verbose           | unknown argument '--verbose'",
        "8080                | unknown argument '8080'",
    })
    void explainsWhatIsWrong(String line, String message) {
        UsageException e = assertThrows(UsageException.class, () -> parse(line.trim().split(" ")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void explainsAnUnknownFeatureInTheEnvironment() {
        UsageException e = assertThrows(UsageException.class,
                () -> CommandLine.parse(List.of(), Map.of("DEMO_FEATURES", "fraud-histroy")));
        assertEquals("DEMO_FEATURES: unknown feature 'fraud-histroy'; known features: fraud-history", e.getMessage());
    }

    private static Options parse(String... args) throws UsageException {
        return CommandLine.parse(List.of(args), Map.of());
    }
}
