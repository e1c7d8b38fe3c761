package io.leakwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.acme.bench.EmptyAgent;

/**
 * A jar holding {@link EmptyAgent} as its {@code Premain-Class}, made from this build's class file: the control arm
 * that tells what any {@code -javaagent} costs from what leakwatch's own work costs.
 */
final class EmptyAgentJar {

    private EmptyAgentJar() {
    }

    /** A fresh temporary jar, deleted when this JVM exits. */
    static Path create() throws IOException {
        Path jar = Files.createTempFile("empty-agent-", ".jar");
        jar.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", EmptyAgent.class.getName());
        String entry = EmptyAgent.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream classFile = EmptyAgentJar.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
