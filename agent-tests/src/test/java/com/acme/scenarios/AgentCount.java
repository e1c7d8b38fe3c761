package com.acme.scenarios;

import java.lang.reflect.Field;

/**
 * One of the agent's counts ({@code fullSiteLooks}, {@code registrations}), read from the handler it installed in the
 * bridge, for scenarios to print beside their own: reflection, because they also run without the agent.
 */
final class AgentCount {

    private AgentCount() {
    }

    /** The count, or {@code n/a} without an agent or a handler that has it. */
    static String read(String name) {
        try {
            Class<?> bridge = Class.forName("io.leakwatch.bootstrap.LeakwatchBridge", false, null);
            Field handler = bridge.getDeclaredField("handler");
            handler.setAccessible(true);
            Object registry = handler.get(null);
            return String.valueOf(registry.getClass().getMethod(name).invoke(registry));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "n/a";
        }
    }
}
