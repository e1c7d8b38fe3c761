package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The shaded jar: every class under io/leakwatch, and the manifest of a javaagent with a command line. */
class JarLayoutIT {

    @Test
    void everyDependencyIsRelocated() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            List<String> classes = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class"))
                    .collect(Collectors.toList());
            assertThat(classes).isNotEmpty()
                    .allMatch(name -> name.startsWith("io/leakwatch/"), "is under io/leakwatch/")
                    .anyMatch(name -> name.startsWith("io/leakwatch/shaded/net/bytebuddy/"));
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .noneMatch(name -> name.startsWith("META-INF/versions/"));
        }
    }

    @Test
    void theManifestNamesTheEntryPoints() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.leakwatch.agent.LeakwatchAgent");
            assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.leakwatch.agent.LeakwatchAgent");
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Main-Class")).isEqualTo("io.leakwatch.agent.cli.LeakwatchCommand");
        }
    }

    @Test
    void theAgentClassesTargetJava11() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            byte[] header = jar.getInputStream(jar.getEntry("io/leakwatch/agent/LeakwatchAgent.class")).readNBytes(8);
            int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            assertThat(major).isEqualTo(55);
        }
    }
}
