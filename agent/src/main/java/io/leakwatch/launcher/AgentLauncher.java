package io.leakwatch.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Enumeration;

/**
 * The jar's entry points ({@code Premain-Class}, {@code Agent-Class}, {@code Main-Class}) and the only
 * classes of the jar that the application's class loaders can see. They do one thing: hand over to the
 * agent in its own class loader. Nothing escapes into the application: the worst case is one line on
 * stderr and no agent.
 */
public final class AgentLauncher {

    /**
     * The system property through which {@code attach} learns what happened in the target: {@code started},
     * or the one line that says why not. Set on attach only; the command line reads the target's properties.
     */
    public static final String ATTACH_OUTCOME_PROPERTY = "io.leakwatch.attach.outcome";
    public static final String STARTED = "started";

    private static final String AGENT_START = "io.leakwatch.agent.LeakwatchAgent";
    /** A file only a laid-out agent jar has. */
    private static final String AGENT_MARKER = AgentClassLoader.AGENT_FOLDER + "io/leakwatch/agent/LeakwatchAgent.classdata";
    private static final String COMMAND_LINE = "io.leakwatch.agent.cli.LeakwatchCommand";

    /** One loader for the JVM's lifetime, so that a second attach meets the agent that is already running. */
    private static AgentClassLoader agentLoader;

    private AgentLauncher() {
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        start(argument, instrumentation, false);
    }

    public static void agentmain(String argument, Instrumentation instrumentation) {
        start(argument, instrumentation, true);
    }

    /** {@code java -jar leakwatch-agent.jar COMMAND}. */
    public static void main(String[] args) throws Throwable {
        ClassLoader commandLoader = new AgentClassLoader(agentJar(), ClassLoader.getSystemClassLoader());
        Method main = commandLoader.loadClass(COMMAND_LINE).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static synchronized void start(String argument, Instrumentation instrumentation, boolean attached) {
        String outcome;
        try {
            if (agentLoader == null) {
                agentLoader = new AgentClassLoader(agentJar(), ClassLoader.getPlatformClassLoader());
            }
            outcome = String.valueOf(agentLoader.loadClass(AGENT_START)
                    .getMethod("start", String.class, Instrumentation.class)
                    .invoke(null, argument, instrumentation));
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
            outcome = "could not start (" + cause + "); the application runs without leakwatch";
            try {
                System.err.println("[leakwatch] " + outcome);
            } catch (Throwable streamFailed) {
                // An application's broken stderr must not turn into an error of its own start-up.
            }
        }
        if (attached) {
            System.setProperty(ATTACH_OUTCOME_PROPERTY, outcome);
        }
    }

    /**
     * The jar this JVM was given with {@code -javaagent} or {@code attach}: the JVM appends it to the system
     * class path, so it is the last there that holds the agent. Not simply this class's own jar, which is the
     * first: a copy of leakwatch on the application's class path (an old build, a fat jar's dependency) would
     * otherwise hand the start to whatever that copy holds.
     */
    private static Path agentJar() throws Exception {
        Path launcherJar = launcherJar();
        if (launcherJar != null && !isOnClassPath(launcherJar, System.getProperty("java.class.path", ""))) {
            // This class came from a jar the application's class path does not name, so from the one the JVM
            // appended after it: the agent's, and no copy precedes it. Looking further would open every jar of
            // the class path, about 1 ms each, inside the application's start-up.
            return launcherJar;
        }
        return lastJarHoldingTheAgent();
    }

    /** The jar file this class was loaded from, or null when it was not a jar file. */
    private static Path launcherJar() {
        try {
            CodeSource source = AgentLauncher.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path path = Paths.get(source.getLocation().toURI());
            return Files.isRegularFile(path) ? path : null;
        } catch (Exception | Error unreadable) {
            return null;
        }
    }

    /**
     * Whether the application's class path names the jar. {@code java.class.path} is that class path as given:
     * the JVM does not add the jars of {@code -javaagent} to it. An entry that cannot be read as a path counts
     * as naming it, so that the jar is then looked for the long way.
     */
    static boolean isOnClassPath(Path jar, String classPath) {
        Path wanted = jar.toAbsolutePath().normalize();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                if (Paths.get(entry).toAbsolutePath().normalize().equals(wanted)) {
                    return true;
                }
            } catch (InvalidPathException unreadable) {
                return true;
            }
        }
        return false;
    }

    /** The last jar on the system class path that holds the agent, found by opening every one of them. */
    private static Path lastJarHoldingTheAgent() throws Exception {
        URL last = null;
        Enumeration<URL> agents = ClassLoader.getSystemClassLoader().getResources(AGENT_MARKER);
        while (agents.hasMoreElements()) {
            last = agents.nextElement();
        }
        if (last == null) {
            throw new IllegalStateException("no agent jar with " + AGENT_MARKER + " is on the class path");
        }
        JarURLConnection jar = (JarURLConnection) last.openConnection();
        return Paths.get(jar.getJarFileURL().toURI());
    }
}
