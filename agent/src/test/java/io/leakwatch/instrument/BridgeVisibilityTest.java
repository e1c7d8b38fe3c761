package io.leakwatch.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.leakwatch.bootstrap.LeakwatchBridge;

class BridgeVisibilityTest {

    private static final String BRIDGE = LeakwatchBridge.class.getName();

    private final List<String> refusals = new ArrayList<>();
    private final BridgeVisibility visibility = new BridgeVisibility(LeakwatchBridge.class,
            (loader, firstClass) -> refusals.add(loader.getName() + " " + firstClass));

    @Test
    void aLoaderThatDelegatesToTheBridgesLoaderSeesIt() {
        assertTrue(visibility.canSeeBridge(getClass().getClassLoader(), "com.acme.A"));
        assertTrue(refusals.isEmpty());
    }

    @Test
    void aLoaderThatDelegatesOnlyToTheBootLoaderDoesNotAndIsReportedOnce() {
        ClassLoader isolating = new ClassLoader("isolating", null) { };
        assertFalse(visibility.canSeeBridge(isolating, "com.acme.A"));
        assertFalse(visibility.canSeeBridge(isolating, "com.acme.B"));
        assertEquals(List.of("isolating com.acme.A"), refusals);
    }

    @Test
    void aLoaderWithItsOwnCopyOfTheBridgeDoesNotSeeTheAgentsBridge() throws Exception {
        ClassLoader ownCopy = new DefiningLoader("own-copy", BRIDGE);
        assertTrue(Class.forName(BRIDGE, false, ownCopy) != LeakwatchBridge.class);
        assertFalse(visibility.canSeeBridge(ownCopy, "com.acme.A"));
        assertEquals(1, refusals.size());
    }

    @Test
    void eachLoaderIsAskedOnce() {
        AtomicInteger asked = new AtomicInteger();
        ClassLoader counting = new ClassLoader("counting", getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.incrementAndGet();
                return super.loadClass(name, resolve);
            }
        };
        for (int i = 0; i < 3; i++) {
            assertTrue(visibility.canSeeBridge(counting, "com.acme.A"));
        }
        assertEquals(1, asked.get());
    }

    @Test
    void aLoaderThatFailsUnexpectedlyIsAskedAgainNextTime() {
        AtomicInteger asked = new AtomicInteger();
        ClassLoader flaky = new ClassLoader("flaky", getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (asked.incrementAndGet() == 1) {
                    throw new IllegalStateException("not started yet");
                }
                return super.loadClass(name, resolve);
            }
        };
        assertFalse(visibility.canSeeBridge(flaky, "com.acme.A"));
        assertTrue(visibility.canSeeBridge(flaky, "com.acme.B"));
        assertTrue(refusals.isEmpty());
    }

    @Test
    void theAnswerDoesNotKeepTheLoaderAlive() throws InterruptedException {
        WeakLoaderAnswers answers = new WeakLoaderAnswers();
        WeakReference<ClassLoader> dropped = rememberAnswerFor(answers);
        for (int attempt = 0; attempt < 50 && dropped.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(dropped.get(), "the loader was kept alive");
        assertEquals(0, answers.size());
    }

    @Test
    void answersAreHeldByIdentityNotByEquals() {
        WeakLoaderAnswers answers = new WeakLoaderAnswers();
        ClassLoader first = new EqualToAll();
        ClassLoader second = new EqualToAll();
        assertTrue(answers.putIfAbsent(first, true));
        assertNull(answers.get(second));
        assertTrue(answers.putIfAbsent(second, false));
        assertFalse(answers.putIfAbsent(second, true));
        assertEquals(Boolean.TRUE, answers.get(first));
        assertEquals(Boolean.FALSE, answers.get(second));
    }

    private static WeakReference<ClassLoader> rememberAnswerFor(WeakLoaderAnswers answers) {
        ClassLoader loader = new ClassLoader("short-lived", null) { };
        answers.putIfAbsent(loader, false);
        assertEquals(1, answers.size());
        return new WeakReference<>(loader);
    }

    /** A loader whose equals and hashCode would confuse a map that used them. */
    private static final class EqualToAll extends ClassLoader {
        EqualToAll() {
            super(null);
        }

        @Override
        public boolean equals(Object other) {
            return true;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** Defines the named classes itself from the test's class path, and delegates the rest to the boot loader. */
    static final class DefiningLoader extends ClassLoader {
        private final List<String> defined;

        DefiningLoader(String name, String... defined) {
            super(name, null);
            this.defined = List.of(defined);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!defined.contains(name)) {
                throw new ClassNotFoundException(name);
            }
            try (InputStream in = BridgeVisibilityTest.class.getResourceAsStream(
                    "/" + name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
