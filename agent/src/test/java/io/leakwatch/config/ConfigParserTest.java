package io.leakwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private final List<String> notices = new ArrayList<>();
    private final ConfigParser parser = new ConfigParser(notices::add);

    private LeakwatchConfig parse(String argument, Map<String, String> properties, Map<String, String> environment)
            throws ConfigException {
        return parser.parse(argument, properties, environment);
    }

    @Test
    void defaultsFollowTheInterface() throws ConfigException {
        LeakwatchConfig config = parse(null, Map.of(), Map.of());
        assertTrue(config.enabled());
        assertTrue(config.packages().isEmpty());
        assertEquals(10_000, config.intervalMillis());
        assertEquals(300_000, config.windowMillis());
        assertEquals(900_000, config.criticalHorizonMillis());
        assertTrue(config.eventsFile().isEmpty());
        assertEquals(LeakwatchConfig.Exporter.OTLP, config.exporter());
        assertEquals(LeakwatchConfig.LogSink.STDERR, config.logSink());
        assertEquals(20, config.maxExportedSites());
        assertTrue(config.responses().samplesFile().isEmpty());
        assertFalse(config.responses().heapDumpOnCritical());
        assertEquals(Paths.get("").toAbsolutePath(), config.responses().heapDumpDir());
        assertTrue(config.responses().onWarning().isEmpty());
        assertTrue(config.responses().onCritical().isEmpty());
        assertFalse(config.responses().actionDryRun());
    }

    @Test
    void actionsAreAnAbsoluteCommandOrAWebUrl() throws ConfigException {
        ResponseSettings responses = parse("action.onWarning=exec:/opt/rollback.sh,heapdump.onCritical=true,"
                + "heapdump.dir=/var/dumps,action.dryRun=true",
                Map.of("leakwatch.action.onCritical", "https://hooks.example.com/leak?token=s3cret"), Map.of()).responses();
        assertEquals(Paths.get("/opt/rollback.sh"), responses.onWarning().orElseThrow().command().orElseThrow());
        assertEquals("https://hooks.example.com/leak", responses.onCritical().orElseThrow().toString());
        assertTrue(responses.heapDumpOnCritical());
        assertEquals(Paths.get("/var/dumps"), responses.heapDumpDir());
        assertTrue(responses.actionDryRun());

        for (String wrong : List.of("exec:rollback.sh", "ftp://example.com/x", "rollback.sh", "http:///nohost")) {
            ConfigException error = assertThrows(ConfigException.class,
                    () -> parse("action.onCritical=" + wrong, Map.of(), Map.of()), wrong);
            assertTrue(error.getMessage().contains("expected exec:/absolute/path/to/command or an http:// or https:// URL"),
                    error.getMessage());
        }
    }

    @Test
    void exportedSitesAreAWholeNumberWithinTheLimit() throws ConfigException {
        assertEquals(5, parse("otlp.maxSites=5", Map.of(), Map.of()).maxExportedSites());
        assertEquals(1000, parse(null, Map.of(), Map.of("LEAKWATCH_OTLP_MAXSITES", "1000")).maxExportedSites());
        for (String invalid : List.of("0", "1001", "ten", "-3", "")) {
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> parse("otlp.maxSites=" + invalid, Map.of(), Map.of()));
            assertEquals("invalid value '" + invalid + "' for agent argument otlp.maxSites;"
                    + " expected a whole number from 1 to 1000", refused.getMessage());
        }
    }

    @Test
    void agentArgumentBeatsSystemPropertyBeatsEnvironment() throws ConfigException {
        LeakwatchConfig config = parse("interval=1s",
                Map.of("leakwatch.interval", "2s", "leakwatch.window", "1m"),
                Map.of("LEAKWATCH_INTERVAL", "3s", "LEAKWATCH_WINDOW", "2m", "LEAKWATCH_CRITICAL_HORIZON", "1h"));
        assertEquals(1_000, config.intervalMillis());
        assertEquals(60_000, config.windowMillis());
        assertEquals(3_600_000, config.criticalHorizonMillis());
    }

    @Test
    void listsUseSemicolonsInTheAgentArgumentAndCommasElsewhere() throws ConfigException {
        assertEquals(List.of("com.acme.pay", "org.shop"),
                parse("packages=com.acme.pay;org.shop", Map.of(), Map.of()).packages());
        assertEquals(List.of("com.acme.pay", "org.shop"),
                parse(null, Map.of("leakwatch.packages", "com.acme.pay, org.shop"), Map.of()).packages());
        assertEquals(List.of("com.acme"), parse(null, Map.of(), Map.of("LEAKWATCH_PACKAGES", "com.acme")).packages());
    }

    @Test
    void packagesMatchWholePackageNames() throws ConfigException {
        LeakwatchConfig config = parse("packages=com.acme", Map.of(), Map.of());
        assertTrue(config.isWatchedClass("com.acme.Service"));
        assertTrue(config.isWatchedClass("com.acme.pay.Service$Inner"));
        assertFalse(config.isWatchedClass("com.acmex.Service"));
        assertFalse(config.isWatchedClass("org.acme.Service"));
    }

    @Test
    void durationsAcceptTheFourUnits() {
        assertEquals(250, ConfigParser.parseDurationMillis("250ms"));
        assertEquals(10_000, ConfigParser.parseDurationMillis("10s"));
        assertEquals(300_000, ConfigParser.parseDurationMillis("5m"));
        assertEquals(3_600_000, ConfigParser.parseDurationMillis("1h"));
        assertEquals(-1, ConfigParser.parseDurationMillis("10"));
        assertEquals(-1, ConfigParser.parseDurationMillis("1.5s"));
        assertEquals(-1, ConfigParser.parseDurationMillis("ten seconds"));
        // The edges the former regular expression, (\d{1,9})(ms|s|m|h), drew.
        assertEquals(999_999_999L * 3_600_000, ConfigParser.parseDurationMillis("999999999h"));
        for (String refused : List.of("1234567890s", "s", "", "10 s", "10S", "10sec", "10msms", "+10s", "-10s", "10s ")) {
            assertEquals(-1, ConfigParser.parseDurationMillis(refused), refused);
        }
    }

    @Test
    void packageNamesAreJavaIdentifiersJoinedByDots() {
        for (String accepted : List.of("com", "com.acme", "com.acme_2.$pay", "com.\u00fcbung", "a.\ud835\udc9c")) {
            assertTrue(ConfigParser.isPackageName(accepted), accepted);
        }
        for (String refused : List.of("", ".", "com.", ".com", "com..acme", "1com", "com.1acme", "com.ac-me", "com acme",
                "com.acme*", "a.\ud835")) {
            assertFalse(ConfigParser.isPackageName(refused), refused);
        }
    }

    @Test
    void aBadValueNamesTheKeyAndTheAcceptedForm() {
        ConfigException error = assertThrows(ConfigException.class, () -> parse("interval=soon", Map.of(), Map.of()));
        assertEquals("invalid value 'soon' for agent argument interval; expected a duration such as 250ms, 10s, 5m or 1h",
                error.getMessage());
        ConfigException exporter = assertThrows(ConfigException.class,
                () -> parse(null, Map.of("leakwatch.exporter", "zipkin"), Map.of()));
        assertTrue(exporter.getMessage().contains("-Dleakwatch.exporter") && exporter.getMessage().contains("otlp or none"),
                exporter.getMessage());
        assertThrows(ConfigException.class, () -> parse("enabled=maybe", Map.of(), Map.of()));
        assertThrows(ConfigException.class, () -> parse("log=syslog", Map.of(), Map.of()));
        assertThrows(ConfigException.class, () -> parse("interval=0s", Map.of(), Map.of()));
        assertThrows(ConfigException.class, () -> parse("packages=com..acme", Map.of(), Map.of()));
        ConfigException otherAgent = assertThrows(ConfigException.class, () -> parse("packages=datadog.trace", Map.of(), Map.of()));
        assertTrue(otherAgent.getMessage().contains("other agents' classes never are"), otherAgent.getMessage());
    }

    @Test
    void anUnknownKeyIsAnErrorInTheArgumentAndPropertiesButOnlyANoticeInTheEnvironment() throws ConfigException {
        ConfigException argument = assertThrows(ConfigException.class, () -> parse("sample.file=x", Map.of(), Map.of()));
        assertTrue(argument.getMessage().startsWith("unknown key 'sample.file' in the agent argument; accepted keys: packages,"),
                argument.getMessage());
        assertThrows(ConfigException.class, () -> parse(null, Map.of("leakwatch.colour", "red"), Map.of()));
        assertThrows(ConfigException.class, () -> parse("interval", Map.of(), Map.of()));

        parse(null, Map.of(), Map.of("LEAKWATCH_COLOUR", "red"));
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith("ignoring unknown environment variable LEAKWATCH_COLOUR"), notices.get(0));
    }

    @Test
    void theWindowMustHoldFourIntervals() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> parse("interval=10s,window=30s", Map.of(), Map.of()));
        assertTrue(error.getMessage().startsWith("window (30000ms) must be at least 4 times interval (10000ms)"));
    }

    @Test
    void jdkAndAgentPackagesAreRefused() {
        assertThrows(ConfigException.class, () -> parse("packages=java.util", Map.of(), Map.of()));
        assertThrows(ConfigException.class, () -> parse("packages=io.leakwatch", Map.of(), Map.of()));
    }

    @Test
    void aRelativeEventsFileIsResolvedAgainstTheWorkingDirectory() throws ConfigException {
        LeakwatchConfig config = parse("events.file=alerts/leaks.jsonl", Map.of(), Map.of());
        assertEquals(Paths.get("alerts/leaks.jsonl").toAbsolutePath(), config.eventsFile().orElseThrow());
    }

    @Test
    void theKillSwitchAndSinksParse() throws ConfigException {
        LeakwatchConfig config = parse("enabled=FALSE,log=none,exporter=none", Map.of(), Map.of());
        assertFalse(config.enabled());
        assertEquals(LeakwatchConfig.LogSink.NONE, config.logSink());
        assertEquals(LeakwatchConfig.Exporter.NONE, config.exporter());
    }

    @Test
    void aKeyGivenTwiceInTheAgentArgumentIsRefusedNamingIt() throws ConfigException {
        ConfigException twice = assertThrows(ConfigException.class, () -> parse("window=1m,window=2m", Map.of(), Map.of()));
        assertEquals("key 'window' is given twice in the agent argument; give each key once", twice.getMessage());
        assertThrows(ConfigException.class, () -> parse("packages=com.a, packages = com.b", Map.of(), Map.of()));

        LeakwatchConfig config = parse("window=1m", Map.of("leakwatch.window", "2m"), Map.of("LEAKWATCH_WINDOW", "3m"));
        assertEquals(60_000, config.windowMillis(), "across spellings the first still wins");
    }

    @Test
    void echoedValuesCannotForgeLinesOrFloodThem() throws ConfigException {
        ConfigException newline = assertThrows(ConfigException.class,
                () -> parse("interval=soon\n[leakwatch] CRITICAL heap forged", Map.of(), Map.of()));
        assertEquals("invalid value 'soon\\n[leakwatch] CRITICAL heap forged' for agent argument interval;"
                + " expected a duration such as 250ms, 10s, 5m or 1h", newline.getMessage());

        ConfigException huge = assertThrows(ConfigException.class,
                () -> parse(null, Map.of("leakwatch.window", "x\u001b[31m" + "9".repeat(20_000)), Map.of()));
        assertTrue(huge.getMessage().startsWith("invalid value 'x\\u001b[31m999"), huge.getMessage());
        assertTrue(huge.getMessage().contains("...' (20006 chars) for -Dleakwatch.window"), huge.getMessage());
        assertTrue(huge.getMessage().length() < 400, huge.getMessage());

        for (String argument : List.of("colour\u001b[2J=red", "\u001b[2Jcolour", "packages=com.acme x\u001by",
                "packages=java\u2028")) {
            ConfigException error = assertThrows(ConfigException.class, () -> parse(argument, Map.of(), Map.of()));
            assertFalse(error.getMessage().chars().anyMatch(c -> c < 0x20 || c == 0x2028), error.getMessage());
        }
        ConfigException property = assertThrows(ConfigException.class,
                () -> parse(null, Map.of("leakwatch.x\ny", "1"), Map.of()));
        assertTrue(property.getMessage().startsWith("unknown system property -Dleakwatch.x\\ny;"), property.getMessage());

        notices.clear();
        parse(null, Map.of(), Map.of("LEAKWATCH_X\u001b]0;title\u0007", "1"));
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith("ignoring unknown environment variable LEAKWATCH_X\\u001b]0;title\\u0007;"),
                notices.get(0));
    }
}
