package org.other.scenarios;

/**
 * Application code on the class path asking for what it must not get: the JDK's internal Unsafe, and the
 * agent's own classes or its relocated OpenTelemetry SDK. Prints one line per question.
 */
public final class InternalsProbe {

    public static void main(String[] args) {
        try {
            Object unsafe = Class.forName("jdk.internal.misc.Unsafe").getMethod("getUnsafe").invoke(null);
            System.out.println("jdk.internal.misc.Unsafe: granted " + unsafe.getClass().getName());
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("jdk.internal.misc.Unsafe: refused");
        }
        for (Class<?> jdkClass : new Class<?>[] {java.util.WeakHashMap.class,
                java.util.concurrent.ArrayBlockingQueue.class}) {
            try {
                jdkClass.getDeclaredFields()[0].setAccessible(true);
                System.out.println(jdkClass.getPackageName() + " internals: granted");
            } catch (RuntimeException e) {
                System.out.println(jdkClass.getPackageName() + " internals: refused");
            }
        }
        for (String agentClass : new String[] {"io.leakwatch.agent.AgentStarter",
                "io.leakwatch.shaded.io.opentelemetry.sdk.OpenTelemetrySdk", "io.leakwatch.track.ContainerRegistry"}) {
            try {
                Class.forName(agentClass);
                System.out.println(agentClass + ": visible");
            } catch (ClassNotFoundException | LinkageError e) {
                System.out.println(agentClass + ": hidden");
            }
        }
        System.out.println("done");
    }
}
