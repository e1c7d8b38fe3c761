package io.leakwatch.launcher;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
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
     * class path, so it is the last there that holds the agent. Not this class's own jar, which is the first:
     * a copy of leakwatch on the application's class path (an old build, a fat jar's dependency) would
     * otherwise hand the start to whatever that copy holds.
     */
    private static Path agentJar() throws Exception {
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
