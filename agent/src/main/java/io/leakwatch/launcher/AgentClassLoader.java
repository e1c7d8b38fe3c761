package io.leakwatch.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Loads the agent's own classes from the {@code inst/} folder of the agent jar, where the application's
 * class loaders cannot find them: class files there end in {@code .classdata}, so the jar being on the
 * class path (as every {@code -javaagent} jar is) exposes only the launcher. The application sees neither
 * the agent nor its relocated libraries, a stale copy of the agent on the class path cannot win, and
 * whatever the JDK opens to the agent is opened to this loader's module alone.
 *
 * <p>The classes that {@code premain} and the first watched class load come from one entry,
 * {@code inst/startup-classes.zip}, read whole when the loader is made, rather than one jar entry each through the
 * jar's per-entry streams, which run as cold, interpreted code then: about 2.4 ms less from the launcher to the
 * application's main class (see docs/performance.md). The list of those classes is
 * {@code agent/src/build/startup-classes.txt}; {@code StartupBundleIT} holds it to what a start-up loads.
 */
final class AgentClassLoader extends ClassLoader {

    /** The folder of the agent jar that holds the agent's classes and resources. */
    static final String AGENT_FOLDER = "inst/";
    private static final String CLASS_SUFFIX = ".classdata";
    private static final String AGENT_PACKAGE = "io.leakwatch.";
    private static final String BRIDGE_PACKAGE = "io.leakwatch.bootstrap.";
    /** The start-up classes, stored uncompressed in a zip that is itself one (compressed) entry of the jar. */
    static final String STARTUP_BUNDLE = AGENT_FOLDER + "startup-classes.zip";
    private static final String BUNDLED_CLASS_SUFFIX = ".class";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final URL jarUrl;
    private final ProtectionDomain protectionDomain;
    private final Manifest manifest;
    /**
     * The bundle's classes not yet defined, by binary name; guarded by itself. Emptied at the first class the
     * bundle does not have, which ends the start-up it serves, so that what a configuration never loads (ASM when
     * only the heap is watched) is not kept.
     */
    private final Map<String, byte[]> startupClasses;

    /**
     * @param parent the platform loader for the agent (the JDK modules it uses are all there or in the boot
     *               loader), the system loader for the command line ({@code jdk.attach} is there)
     */
    AgentClassLoader(Path agentJar, ClassLoader parent) throws IOException {
        super("leakwatch", parent);
        this.jar = new JarFile(agentJar.toFile(), false);
        this.jarUrl = agentJar.toUri().toURL();
        this.protectionDomain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
        this.manifest = jar.getManifest();
        this.startupClasses = readStartupClasses(jar);
    }

    /**
     * The agent's own classes are looked up in its jar first: the platform and boot loaders never have them,
     * and asking them first, for each of the hundred classes {@code premain} and the first watched class load,
     * cost the application's start-up about 3 ms. The bridge's package is the exception: it lives in the
     * boot loader, where every class that calls it finds it.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(AGENT_PACKAGE) || name.startsWith(BRIDGE_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = takeStartupClass(name);
        if (bytes == null) {
            bytes = readClass(name);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, protectionDomain);
    }

    private byte[] takeStartupClass(String name) {
        synchronized (startupClasses) {
            byte[] bytes = startupClasses.remove(name);
            if (bytes == null) {
                startupClasses.clear();
            }
            return bytes;
        }
    }

    /** Whether start-up classes are still held, not yet defined; for tests. */
    boolean holdsStartupClasses() {
        synchronized (startupClasses) {
            return !startupClasses.isEmpty();
        }
    }

    private byte[] readClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(AGENT_FOLDER + name.replace('.', '/') + CLASS_SUFFIX);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = readFully(in, entry.getSize());
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        return bytes;
    }

    /**
     * The bundle's classes by binary name; none if the jar has no bundle or it cannot be read, and every class is
     * then read from its own entry, as it would be after start-up.
     */
    private static Map<String, byte[]> readStartupClasses(JarFile jar) {
        Map<String, byte[]> classes = new HashMap<>();
        JarEntry bundle = jar.getJarEntry(STARTUP_BUNDLE);
        if (bundle == null) {
            return classes;
        }
        try {
            byte[] bundleBytes;
            try (InputStream in = jar.getInputStream(bundle)) {
                bundleBytes = readFully(in, bundle.getSize());
            }
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundleBytes))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    String entryName = entry.getName();
                    if (entryName.endsWith(BUNDLED_CLASS_SUFFIX)) {
                        String className = entryName.substring(0, entryName.length() - BUNDLED_CLASS_SUFFIX.length());
                        classes.put(className.replace('/', '.'), readFully(in, entry.getSize()));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            classes.clear();
        }
        return classes;
    }

    /**
     * Into an array of the entry's size when the jar gives it, as it does for every class it was built with: about a
     * third of the time spent loading a class here went to {@code readAllBytes}, whose buffers and copies run as
     * cold, interpreted code for each of the hundred classes {@code premain} and the first watched class load.
     */
    private static byte[] readFully(InputStream in, long size) throws IOException {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] bytes = new byte[(int) size];
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read != bytes.length || in.read() != -1) {
            throw new IOException("the entry is not the " + size + " bytes the jar's directory says");
        }
        return bytes;
    }

    /** Packages carry the jar's version, which the agent reports as {@code telemetry.distro.version}. */
    private void definePackageOf(String className) {
        int lastDot = className.lastIndexOf('.');
        if (lastDot < 0) {
            return;
        }
        String packageName = className.substring(0, lastDot);
        if (getDefinedPackage(packageName) != null) {
            return;
        }
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        try {
            definePackage(packageName, main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                    main.getValue(Attributes.Name.IMPLEMENTATION_VERSION), null,
                    main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                    main.getValue(Attributes.Name.IMPLEMENTATION_VERSION), null, null);
        } catch (IllegalArgumentException definedMeanwhile) {
            // Another thread defined it first: the same package, the same attributes.
        }
    }

    @Override
    protected URL findResource(String name) {
        if (jar.getJarEntry(AGENT_FOLDER + name) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + AGENT_FOLDER + name);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL found = findResource(name);
        return found == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singleton(found));
    }
}
