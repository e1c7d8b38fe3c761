package io.leakwatch.agent;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

import io.leakwatch.log.AgentLog;

/**
 * The JVM's entry point, for {@code -javaagent} and for attach. It starts leakwatch once, and whatever
 * happens, nothing escapes into the application: the worst case is a line on stderr and no agent.
 */
public final class LeakwatchAgent {

    private static final AtomicBoolean started = new AtomicBoolean();

    private LeakwatchAgent() {
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        start(argument, instrumentation);
    }

    public static void agentmain(String argument, Instrumentation instrumentation) {
        start(argument, instrumentation);
    }

    private static void start(String argument, Instrumentation instrumentation) {
        if (!started.compareAndSet(false, true)) {
            AgentLog.line("already running in this JVM; the second start was ignored");
            return;
        }
        try {
            // Must precede every use of the bridge classes, so that they resolve in the boot loader.
            BootstrapInjector.inject(instrumentation);
            AgentStarter.start(argument, instrumentation);
        } catch (Throwable t) {
            AgentLog.line("could not start (" + t + "); the application runs without leakwatch");
        }
    }
}
