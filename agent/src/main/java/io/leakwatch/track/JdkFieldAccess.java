package io.leakwatch.track;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.leakwatch.log.AgentLog;

/**
 * Opens {@code java.util} and {@code java.util.concurrent} to the agent's own module, and to nothing
 * else, so that {@link ContainerReader} can read the count fields of classes whose {@code size()}
 * locks or writes (WeakHashMap, Hashtable, blocking queues) and unwrap JDK wrappers. Without it those
 * containers stay unsampled.
 */
public final class JdkFieldAccess {

    private static final List<String> PACKAGES = List.of("java.util", "java.util.concurrent");

    private JdkFieldAccess() {
    }

    /** Called once at start-up; a failure is reported in one line and leaves those containers unsampled. */
    public static void open(Instrumentation instrumentation) {
        Module javaBase = Object.class.getModule();
        Module agent = JdkFieldAccess.class.getModule();
        try {
            if (!instrumentation.isModifiableModule(javaBase)) {
                throw new IllegalStateException("java.base cannot be modified");
            }
            Map<String, Set<Module>> opens = new HashMap<>();
            for (String name : PACKAGES) {
                opens.put(name, Set.of(agent));
            }
            instrumentation.redefineModule(javaBase, Set.of(), Map.of(), opens, Set.of(), Map.of());
        } catch (RuntimeException e) {
            AgentLog.line("could not open java.util to the agent (" + e + "); WeakHashMap, Hashtable, Vector,"
                    + " blocking queues and synchronized wrappers stay unsampled");
        }
    }
}
