package com.acme.scenarios;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plugin that finds leakwatch's public bridge class and tries to install its own handler, to receive
 * every watched container of the application, or to claim the bridge's per-site countdowns or pauses (any would silence
 * the agent). Then the application leaks a list,
 * which the agent must still report.
 */
public final class BridgeTakeover {

    static List<String> leak;
    static final AtomicLong RECEIVED = new AtomicLong();
    private static List<String> history;

    public static void main(String[] args) throws Exception {
        Class<?> bridge = Class.forName("io.leakwatch.bootstrap.LeakwatchBridge");
        Class<?> handlerType = Class.forName("io.leakwatch.bootstrap.FieldWriteHandler");
        Object thief = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("onFieldWrite")) {
                        RECEIVED.incrementAndGet();
                    }
                    return null;
                });
        try {
            bridge.getMethod("install", handlerType).invoke(null, thief);
            System.out.println("takeover accepted");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("takeover refused");
        }
        try {
            // The countdowns that let writes pass: a plugin holding them could silence every site.
            bridge.getMethod("claimWritesToLetPass").invoke(null);
            System.out.println("countdowns handed over");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("countdowns refused");
        }
        try {
            // The pauses that let every write to a site pass: the same.
            bridge.getMethod("claimPauses").invoke(null);
            System.out.println("pauses handed over");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("pauses refused");
        }
        try {
            // The references whose containers' writes pass at once: the same, one container at a time.
            bridge.getMethod("claimLastHeld").invoke(null);
            System.out.println("last held handed over");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("last held refused");
        }
        leak = new ArrayList<>();
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            history = new ArrayList<>();
            history.add("tick-" + tick);
            for (int i = 0; i < 50; i++) {
                leak.add("entry-" + tick + "-" + i);
            }
            if (tick % 20 == 0) {
                System.out.println("plugin received " + RECEIVED.get());
            }
            Thread.sleep(20);
        }
    }
}
