package io.leakwatch.launcher;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;

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

    private static Path agentJar() throws Exception {
        return Paths.get(AgentLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
