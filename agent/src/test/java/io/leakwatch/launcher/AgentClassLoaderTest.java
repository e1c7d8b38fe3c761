package io.leakwatch.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's classes come from the jar's {@code inst/} folder without asking the parent loaders; every other
 * class, the bridge's included, is the parent's to give.
 */
class AgentClassLoaderTest {

    private static final String AGENT_CLASS = "io.leakwatch.probe.Probe";
    private static final String BRIDGE_CLASS = "io.leakwatch.bootstrap.Probe";

    @TempDir
    Path folder;

    @Test
    void anAgentClassIsDefinedFromTheJarWithoutAskingTheParent() throws Exception {
        RecordingParent parent = new RecordingParent();
        AgentClassLoader loader = new AgentClassLoader(jarWith(AGENT_CLASS), parent);

        Class<?> probe = loader.loadClass(AGENT_CLASS);

        assertSame(loader, probe.getClassLoader());
        assertFalse(parent.asked.contains(AGENT_CLASS), "the parent was asked for the agent's own class");
        assertSame(probe, loader.loadClass(AGENT_CLASS), "a second load defines it again");
    }

    @Test
    void theBridgeAndTheJdkAreAskedOfTheParent() throws Exception {
        RecordingParent parent = new RecordingParent();
        AgentClassLoader loader = new AgentClassLoader(jarWith(AGENT_CLASS), parent);

        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(BRIDGE_CLASS));
        assertSame(String.class, loader.loadClass("java.lang.String"));

        assertTrue(parent.asked.contains(BRIDGE_CLASS), parent.asked.toString());
        assertTrue(parent.asked.contains("java.lang.String"), parent.asked.toString());
    }

    @Test
    void anAgentClassTheJarDoesNotHaveIsNotFound() throws Exception {
        RecordingParent parent = new RecordingParent();
        AgentClassLoader loader = new AgentClassLoader(jarWith(AGENT_CLASS), parent);

        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.leakwatch.probe.Missing"));
    }

    private Path jarWith(String className) throws IOException {
        Path jar = folder.resolve("agent.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(AgentClassLoader.AGENT_FOLDER + className.replace('.', '/') + ".classdata"));
            out.write(emptyClass(className));
            out.closeEntry();
        }
        return jar;
    }

    private static byte[] emptyClass(String className) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, className.replace('.', '/'), null,
                "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The platform loader's stand-in: knows the JDK's classes and records every name it is asked for. */
    private static final class RecordingParent extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        RecordingParent() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
