package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The agent jar: every dependency relocated under io/leakwatch, only the launcher where a class path finds
 * classes, and the manifest of a javaagent with a command line.
 */
class JarLayoutIT {

    private static final String LAUNCHER = "io.leakwatch.launcher.AgentLauncher";
    /** The size budget the jar is held to, so that what it ships stays what runs. */
    private static final long MAX_JAR_BYTES = 3L * 1024 * 1024;

    @Test
    void everyDependencyIsRelocated() throws IOException {
        List<String> classes = entries().stream()
                .filter(name -> name.endsWith(".class") || name.endsWith(".classdata"))
                .map(name -> name.replaceFirst("^(inst|bootstrap)/", ""))
                .collect(Collectors.toList());
        assertThat(classes).isNotEmpty()
                .allMatch(name -> name.startsWith("io/leakwatch/"), "is under io/leakwatch/")
                .anyMatch(name -> name.startsWith("io/leakwatch/shaded/net/bytebuddy/"));
        assertThat(entries()).noneMatch(name -> name.startsWith("META-INF/versions/"));
    }

    @Test
    void onlyTheCodeThatRunsIsShipped() throws IOException {
        // Of Byte Buddy, only its bundled ASM is used; the rest of it was 3.9 MB of a 6.6 MB jar.
        assertThat(entries()).filteredOn(name -> name.contains("/shaded/net/bytebuddy/") && !name.endsWith("/"))
                .isNotEmpty()
                .allMatch(name -> name.startsWith("inst/io/leakwatch/shaded/net/bytebuddy/jar/asm/"), "is ASM");
        assertThat(Files.size(ForkedJvm.AGENT_JAR)).as("bytes").isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @Test
    void onlyTheLauncherIsVisibleToAClassPath() throws IOException {
        assertThat(entries()).filteredOn(name -> name.endsWith(".class"))
                .isNotEmpty()
                .allMatch(name -> name.startsWith("io/leakwatch/launcher/"), "is the launcher");
        assertThat(entries()).filteredOn(name -> !name.endsWith("/"))
                .allMatch(name -> name.startsWith("io/leakwatch/launcher/") || name.startsWith("inst/")
                        || name.startsWith("bootstrap/") || name.equals("META-INF/MANIFEST.MF"), "is hidden")
                .contains("bootstrap/io/leakwatch/bootstrap/LeakwatchBridge.classdata",
                        "inst/io/leakwatch/agent/LeakwatchAgent.classdata");
    }

    @Test
    void theManifestNamesTheEntryPoints() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Premain-Class")).isEqualTo(LAUNCHER);
            assertThat(manifest.getValue("Agent-Class")).isEqualTo(LAUNCHER);
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Main-Class")).isEqualTo(LAUNCHER);
        }
    }

    @Test
    void theAgentClassesTargetJava11() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            for (String entry : List.of("io/leakwatch/launcher/AgentLauncher.class",
                    "inst/io/leakwatch/agent/LeakwatchAgent.classdata")) {
                byte[] header = jar.getInputStream(jar.getEntry(entry)).readNBytes(8);
                int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                assertThat(major).as(entry).isEqualTo(55);
            }
        }
    }

    private static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            return jar.stream().map(entry -> entry.getName()).collect(Collectors.toList());
        }
    }
}
