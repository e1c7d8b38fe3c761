package com.acme.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * What the leakwatch agent in this JVM says it saw, read by benchmark programs after measuring so that the measured
 * code pays nothing for it: a figure "with the agent" counts only beside proof that the agent was active in that
 * very JVM. Reflection, because these programs must also run without the agent.
 */
final class AgentEvidence {

    private static final String[] READINGS = {"registrations", "fullSiteLooks", "trackedInstances"};

    private AgentEvidence() {
    }

    /**
     * The bridge in the boot loader, its installed handler, and that handler's counts; and whether
     * {@link EmptyAgent} or {@link GcMetricsAgent}, a control arm's agent, ran.
     */
    static String describe() {
        return leakwatch()
                + (Boolean.getBoolean(GcMetricsAgent.RAN_PROPERTY)
                        ? GcMetricsAgent.EVIDENCE + GcMetricsAgent.collectionsRead() + " collections" : "")
                + (Boolean.getBoolean(EmptyAgent.RAN_PROPERTY) ? EmptyAgent.RAN_EVIDENCE : "");
    }

    private static String leakwatch() {
        try {
            Object handler = handler();
            if (handler == null) {
                return "bridge loaded, no handler";
            }
            StringBuilder text = new StringBuilder("handler " + handler.getClass().getName());
            for (String reading : READINGS) {
                try {
                    Method method = handler.getClass().getMethod(reading);
                    text.append(' ').append(reading).append('=').append(method.invoke(handler));
                } catch (NoSuchMethodException e) {
                    text.append(' ').append(reading).append("=n/a");
                }
            }
            return text.toString();
        } catch (ClassNotFoundException e) {
            return "none";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unreadable (" + e + ")";
        }
    }

    /** The containers the agent's handler registered in this JVM; -1 without an agent or a handler. */
    static long registrations() {
        try {
            Object handler = handler();
            return handler == null ? -1
                    : ((Number) handler.getClass().getMethod("registrations").invoke(handler)).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static Object handler() throws ReflectiveOperationException {
        Class<?> bridge = Class.forName("io.leakwatch.bootstrap.LeakwatchBridge", false, null);
        Field handlerField = bridge.getDeclaredField("handler");
        handlerField.setAccessible(true);
        return handlerField.get(null);
    }
}
