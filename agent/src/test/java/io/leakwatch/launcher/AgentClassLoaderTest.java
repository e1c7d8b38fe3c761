package io.leakwatch.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's classes come from the jar's {@code inst/} folder without asking the parent loaders, the start-up
 * classes from the bundle in it; every other class, the bridge's included, is the parent's to give.
 */
class AgentClassLoaderTest {

    private static final String AGENT_CLASS = "io.leakwatch.probe.Probe";
    private static final String BRIDGE_CLASS = "io.leakwatch.bootstrap.Probe";
    private static final String STARTUP_CLASS = "io.leakwatch.probe.Early";
    private static final String OTHER_STARTUP_CLASS = "io.leakwatch.probe.AlsoEarly";

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

    @Test
    void aStartupClassIsDefinedFromTheBundle() throws Exception {
        // The jar has no entry of its own for the class: only the bundle can give it.
        AgentClassLoader loader = new AgentClassLoader(jarWith(bundleOf(STARTUP_CLASS, OTHER_STARTUP_CLASS), AGENT_CLASS),
                new RecordingParent());

        Class<?> early = loader.loadClass(STARTUP_CLASS);

        assertSame(loader, early.getClassLoader());
        assertTrue(loader.holdsStartupClasses(), "the other start-up class is still to come");
    }

    @Test
    void theFirstClassOutsideTheBundleEndsStartUp() throws Exception {
        AgentClassLoader loader = new AgentClassLoader(
                jarWith(bundleOf(STARTUP_CLASS, OTHER_STARTUP_CLASS), AGENT_CLASS, OTHER_STARTUP_CLASS),
                new RecordingParent());
        loader.loadClass(STARTUP_CLASS);

        loader.loadClass(AGENT_CLASS);

        assertFalse(loader.holdsStartupClasses(), "the bundle's remaining classes are still held");
        assertSame(loader, loader.loadClass(OTHER_STARTUP_CLASS).getClassLoader(), "read from its own entry");
    }

    @Test
    void anUnreadableBundleLeavesEveryClassToItsOwnEntry() throws Exception {
        byte[] notAZip = {'P', 'K', 3, 4, 1, 2, 3};
        AgentClassLoader loader = new AgentClassLoader(jarWith(notAZip, AGENT_CLASS), new RecordingParent());

        assertFalse(loader.holdsStartupClasses());
        assertSame(loader, loader.loadClass(AGENT_CLASS).getClassLoader());
    }

    private Path jarWith(String className) throws IOException {
        return jarWith(null, className);
    }

    /** A jar with an entry in {@code inst/} for each class, and the start-up bundle if one is given. */
    private Path jarWith(byte[] startupBundle, String... classNames) throws IOException {
        Path jar = folder.resolve("agent.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String className : classNames) {
                out.putNextEntry(new JarEntry(AgentClassLoader.AGENT_FOLDER + className.replace('.', '/') + ".classdata"));
                out.write(emptyClass(className));
                out.closeEntry();
            }
            if (startupBundle != null) {
                out.putNextEntry(new JarEntry(AgentClassLoader.STARTUP_BUNDLE));
                out.write(startupBundle);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The bundle as the build makes it: class files stored uncompressed under their own paths. */
    private static byte[] bundleOf(String... classNames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String className : classNames) {
                byte[] classFile = emptyClass(className);
                ZipEntry entry = new ZipEntry(className.replace('.', '/') + ".class");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(classFile.length);
                CRC32 crc = new CRC32();
                crc.update(classFile);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(classFile);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
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
