package io.leakwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge package into the boot class loader, where classes of every loader can see it.
 * Defining the classes directly (through the JDK's internal Unsafe, opened only to the module of the
 * agent's own class loader, which no application class is in; see {@code BootLoaderDefiner}) keeps
 * class-data sharing on for the application and prints nothing; appending a jar to the boot search path,
 * the fallback, makes the JVM turn sharing off for application classes and say so on stderr. The bridge's
 * class files lie in the jar's {@code bootstrap/} folder, out of reach of every other loader.
 */
final class BootstrapInjector {

    private static final String BRIDGE_FOLDER = "bootstrap/";
    private static final String CLASS_SUFFIX = ".classdata";
    /**
     * Every class of the bridge package, each after those it refers to. {@code BootstrapInjectorTest} checks the
     * list against the package, so that a class added there cannot be left out of the boot loader.
     */
    static final List<String> BRIDGE_CLASSES = List.of(
            "io.leakwatch.bootstrap.FieldWriteHandler",
            "io.leakwatch.bootstrap.LeakwatchBridge");

    private BootstrapInjector() {
    }

    static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
        Map<String, byte[]> bridgeClasses = readBridgeClasses();
        if (bridgeClasses.isEmpty()) {
            throw new IOException("the agent jar has no " + BRIDGE_FOLDER + " folder with the bridge's classes;"
                    + " rebuild it with mvn package");
        }
        try {
            defineInBootLoader(instrumentation, bridgeClasses);
        } catch (RuntimeException | LinkageError e) {
            appendToBootSearchPath(instrumentation, bridgeClasses);
        }
    }

    private static void defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> classes) {
        Module javaBase = Object.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                Map.of("jdk.internal.misc", Set.of(BootstrapInjector.class.getModule())), Set.of(), Map.of());
        for (Map.Entry<String, byte[]> bridgeClass : classes.entrySet()) {
            BootLoaderDefiner.define(bridgeClass.getKey(), bridgeClass.getValue());
        }
    }

    private static Map<String, byte[]> readBridgeClasses() throws IOException, URISyntaxException {
        Path agentJar = Paths.get(BootstrapInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new LinkedHashMap<>();
        // Looked up by name: walking the jar's 1,600 entries to find them took 13 ms of the application's start-up.
        try (JarFile source = new JarFile(agentJar.toFile())) {
            for (String bridgeClass : BRIDGE_CLASSES) {
                JarEntry entry = source.getJarEntry(BRIDGE_FOLDER + bridgeClass.replace('.', '/') + CLASS_SUFFIX);
                if (entry == null) {
                    return Map.of();
                }
                try (InputStream in = source.getInputStream(entry)) {
                    classes.put(bridgeClass, in.readAllBytes());
                }
            }
        }
        return classes;
    }

    private static void appendToBootSearchPath(Instrumentation instrumentation, Map<String, byte[]> classes)
            throws IOException {
        Path bridgeJar = Files.createTempFile("leakwatch-bootstrap-", ".jar");
        bridgeJar.toFile().deleteOnExit();
        try (JarOutputStream target = new JarOutputStream(Files.newOutputStream(bridgeJar))) {
            for (Map.Entry<String, byte[]> bridgeClass : classes.entrySet()) {
                target.putNextEntry(new JarEntry(bridgeClass.getKey().replace('.', '/') + ".class"));
                target.write(bridgeClass.getValue());
                target.closeEntry();
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bridgeJar.toFile()));
    }
}
