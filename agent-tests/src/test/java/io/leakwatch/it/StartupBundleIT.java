package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up bundle ({@code inst/startup-classes.zip}, listed in {@code agent/src/build/startup-classes.txt}) holds
 * exactly the agent classes that {@code premain} and the first watched class load: one that is missing ends the
 * bundle's use at that class, and every class after it is read from its own entry again, the slow way; one that
 * start-up does not load only makes every start-up read it.
 */
class StartupBundleIT {

    private static final String MAIN_CLASS = "com.acme.bench.Hello";
    /** Loaded by Hello after its first line: the end of what start-up loads. */
    private static final String AFTER_FIRST_LINE = "com.acme.bench.AgentEvidence";
    private static final String LIST = "agent/src/build/startup-classes.txt";

    @Test
    void theBundleHoldsWhatStartUpLoads(@TempDir Path folder) throws Exception {
        Path classLoads = folder.resolve("class-load.log");
        try (ForkedJvm jvm = ForkedJvm.builder(MAIN_CLASS)
                .agent("packages=com.acme.bench")
                .jvmOption(BridgeDefinitionLog.option(classLoads))
                .start()) {
            assertThat(jvm.waitForExit(60)).as("exit status; stderr %s", jvm.stderr()).isZero();
            // Proof that the agent watched the application: its one container was registered.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jvm.stdout())
                    .anyMatch(line -> line.startsWith("agent: handler ") && line.contains("registrations=1 ")));
        }

        Set<String> loaded = agentClassesLoadedBeforeFirstLine(classLoads);
        Set<String> bundled = bundledClasses();
        assertThat(loaded).as("agent classes start-up loaded (the launcher's aside)").isNotEmpty();
        assertThat(bundled).as("classes start-up loads that %s leaves out", LIST).containsAll(loaded);
        assertThat(loaded).as("classes in %s that start-up did not load", LIST).containsAll(bundled);
    }

    /** io.leakwatch classes defined from the agent jar before Hello's first line, except the launcher's. */
    private static Set<String> agentClassesLoadedBeforeFirstLine(Path log) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        String jar = "/" + ForkedJvm.AGENT_JAR.getFileName();
        for (String line : Files.readAllLines(log)) {
            // [info][class,load] io.leakwatch.config.ConfigParser source: file:/.../leakwatch-agent.jar
            String[] words = line.split(" ");
            int source = List.of(words).indexOf("source:");
            if (source < 1) {
                continue;
            }
            String className = words[source - 1];
            if (className.equals(AFTER_FIRST_LINE)) {
                return classes;
            }
            if (className.startsWith("io.leakwatch.") && !className.startsWith("io.leakwatch.launcher.")
                    && line.endsWith(jar)) {
                classes.add(className);
            }
        }
        throw new AssertionError(AFTER_FIRST_LINE + " never loaded; the class-load log has " + classes);
    }

    private static Set<String> bundledClasses() throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile());
                InputStream bundle = jar.getInputStream(jar.getEntry("inst/startup-classes.zip"));
                ZipInputStream entries = new ZipInputStream(bundle)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                assertThat(entry.getMethod()).as("%s is stored uncompressed", entry.getName()).isEqualTo(ZipEntry.STORED);
                classes.add(entry.getName().replaceFirst("\\.class$", "").replace('/', '.'));
            }
        }
        return classes;
    }
}
