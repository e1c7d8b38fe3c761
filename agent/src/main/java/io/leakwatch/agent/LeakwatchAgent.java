package io.leakwatch.agent;

import java.lang.instrument.Instrumentation;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.launcher.AgentLauncher;
import io.leakwatch.log.AgentLog;

/**
 * Starts leakwatch once per JVM, in the agent's own class loader. The configuration is read before
 * anything else: with {@code enabled=false} or a configuration that cannot be used the agent changes
 * nothing in the JVM (no class in the boot loader, no module opened, no transformer, no thread), and such a
 * start does not count, so that a corrected {@code attach} can follow.
 */
public final class LeakwatchAgent {

    private static boolean started;

    private LeakwatchAgent() {
    }

    /** Called by the launcher, one call at a time; returns {@link AgentLauncher#STARTED} or the line that said why not. */
    public static String start(String argument, Instrumentation instrumentation) {
        try {
            return startOnce(argument, instrumentation);
        } catch (Throwable t) {
            String outcome = "could not start (" + t + "); the application runs without leakwatch";
            AgentLog.line(outcome);
            return outcome;
        }
    }

    private static String startOnce(String argument, Instrumentation instrumentation) throws Exception {
        if (started) {
            String outcome = "already running in this JVM; the second start was ignored";
            AgentLog.line(outcome);
            return outcome;
        }
        LeakwatchConfig config;
        try {
            config = new ConfigParser(AgentLog.LINES).parse(argument);
        } catch (ConfigException e) {
            String outcome = e.getMessage() + "; leakwatch is disabled, the application runs normally";
            AgentLog.line(outcome);
            return outcome;
        }
        if (!config.enabled()) {
            String outcome = "disabled by enabled=false";
            AgentLog.line(outcome);
            return outcome;
        }
        // Must precede every use of the bridge classes, so that they resolve in the boot loader.
        BootstrapInjector.inject(instrumentation);
        started = true;
        AgentStarter.start(config, instrumentation);
        // A compile-time constant: the launcher's class (in the system loader) is not loaded from here.
        return AgentLauncher.STARTED;
    }
}
