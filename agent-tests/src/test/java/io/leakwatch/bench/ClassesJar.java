package io.leakwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A temporary jar holding some of this build's classes and nothing else, so that a forked JVM finds them where a
 * real deployment would: in their own jar, not in the benchmark's class path.
 */
final class ClassesJar {

    private ClassesJar() {
    }

    /** A fresh jar with these manifest attributes and classes (binary names), deleted when this JVM exits. */
    static Path create(String prefix, Attributes attributes, String... classNames) throws IOException {
        Path jar = Files.createTempFile(prefix, ".jar");
        jar.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putAll(attributes);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String className : classNames) {
                String entry = className.replace('.', '/') + ".class";
                try (InputStream classFile = ClassesJar.class.getResourceAsStream("/" + entry)) {
                    out.putNextEntry(new JarEntry(entry));
                    classFile.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
