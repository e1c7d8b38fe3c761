package org.other.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Class metadata shapes, made by defining {@link GeneratedPlugin} again in fresh class loaders, beside
 * short-lived heap garbage at about 8 MB/s:
 * <ul>
 * <li>{@code leak}: every loader is kept in a static list, as a plugin registry that never forgets a
 * redeployed plugin would: Metaspace fills until {@code OutOfMemoryError: Metaspace} (start it with
 * {@code -XX:MaxMetaspaceSize} and {@code -XX:+ExitOnOutOfMemoryError}).</li>
 * <li>{@code churn}: the same pace of loaders, of which only the 50 newest are kept: the others and their
 * classes are unloaded by the collections that class metadata itself sets off.</li>
 * <li>{@code churn-beside-a-field-leak}: {@code churn}, and a static list that keeps every plugin's name: a
 * container leak of about 350 kB a minute, whose alert starts the agent's evidence recording, and so loads
 * Flight Recorder's classes into Metaspace mid-churn (watch {@code org.other.scenarios}).</li>
 * <li>{@code warmup}: 600 loaders over the first few seconds, at a pace that falls off, kept; then nothing.</li>
 * </ul>
 * The first argument is the shape, the second the loaders defined per second. Prints
 * {@code started at <epoch millis>} once running.
 */
public final class ClassLoaderShapes {

    private static final List<ClassLoader> REGISTRY = new ArrayList<>();
    /** The names of every plugin rendered, never forgotten, in the {@code churn-beside-a-field-leak} shape. */
    private static List<String> renderedNames = new ArrayList<>();
    private static final int CHURN_KEPT = 50;
    private static final int WARMUP_LOADERS = 600;
    /** Short-lived garbage escapes through here, so the JIT cannot optimise its allocation away. */
    private static volatile Object lastGarbage;

    /** A loader of one class, as a plugin framework gives each plugin its own. */
    private static final class PluginLoader extends ClassLoader {
        PluginLoader() {
            super(null);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(GeneratedPlugin.class.getName(), bytes, 0, bytes.length);
        }
    }

    public static void main(String[] args) throws Exception {
        String shape = args[0];
        int loadersPerSecond = Integer.parseInt(args[1]);
        byte[] plugin = classBytes();
        long start = System.nanoTime();
        System.out.println("started at " + System.currentTimeMillis());
        long defined = 0;
        long garbageChunks = 0;
        while (true) {
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            long due;
            switch (shape) {
                case "leak":
                case "churn":
                case "churn-beside-a-field-leak":
                    due = elapsedMillis * loadersPerSecond / 1000;
                    break;
                case "warmup":
                    due = (long) (WARMUP_LOADERS * (1 - Math.exp(-elapsedMillis / 3000.0)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown shape " + shape);
            }
            for (; defined < due; defined++) {
                PluginLoader loader = new PluginLoader();
                Class<?> defining = loader.define(plugin);
                lastGarbage = defining.getMethod("render", String.class, int.class).invoke(null, "p", 2);
                REGISTRY.add(loader);
                if (shape.startsWith("churn") && REGISTRY.size() > CHURN_KEPT) {
                    REGISTRY.remove(0);
                }
                if (shape.equals("churn-beside-a-field-leak")) {
                    renderedNames.add("plugin-" + defined);
                }
            }
            for (long dueGarbage = elapsedMillis * 8; garbageChunks < dueGarbage; garbageChunks++) {
                lastGarbage = new byte[1024];
            }
            Thread.sleep(5);
        }
    }

    private static byte[] classBytes() {
        try (InputStream in = ClassLoaderShapes.class.getResourceAsStream("GeneratedPlugin.class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
