package io.leakwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge package into the boot class loader, where classes of every loader can see it. The
 * classes are copied from the agent jar into a small temporary jar appended to the boot search path.
 */
final class BootstrapInjector {

    private static final String BRIDGE_PACKAGE = "io/leakwatch/bootstrap/";

    private BootstrapInjector() {
    }

    static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
        Path agentJar = Paths.get(LeakwatchAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path bridgeJar = Files.createTempFile("leakwatch-bootstrap-", ".jar");
        bridgeJar.toFile().deleteOnExit();
        try (JarFile source = new JarFile(agentJar.toFile());
                JarOutputStream target = new JarOutputStream(Files.newOutputStream(bridgeJar))) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(BRIDGE_PACKAGE) && entry.getName().endsWith(".class")) {
                    target.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(target);
                    }
                    target.closeEntry();
                }
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bridgeJar.toFile()));
    }
}
