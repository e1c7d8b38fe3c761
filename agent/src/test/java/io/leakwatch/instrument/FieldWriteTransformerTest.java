package io.leakwatch.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.leakwatch.bootstrap.LeakwatchBridge;

class FieldWriteTransformerTest {

    /** A class with a container field write, as an application's would be. */
    static final class Cache {
        final Map<String, String> entries = new HashMap<>();
    }

    private static final String CACHE = "io/leakwatch/instrument/FieldWriteTransformerTest$Cache";

    private final SkippedClasses skipped = new SkippedClasses();
    private final FieldWriteTransformer transformer = new FieldWriteTransformer(name -> true, new SiteTable(16),
            new AtomicLong(), new BridgeVisibility(LeakwatchBridge.class, (loader, first) -> { }),
            skipped);

    @Test
    void rewritesAClassWhoseLoaderSeesTheBridge() throws IOException {
        assertNotNull(transformer.transform(getClass().getClassLoader(), CACHE, null, null, classFile(CACHE)));
        assertEquals(0, skipped.bridgeNotVisibleCount());
    }

    @Test
    void leavesAClassWhoseLoaderCannotSeeTheBridgeUnchangedAndCountsIt() throws IOException {
        ClassLoader isolating = new ClassLoader("isolating", null) { };
        assertNull(transformer.transform(isolating, CACHE, null, null, classFile(CACHE)));
        assertEquals(1, skipped.bridgeNotVisibleCount());
    }

    @Test
    void countsClassesDefinedWithoutAName() throws IOException {
        assertNull(transformer.transform(getClass().getClassLoader(), null, null, null, classFile(CACHE)));
        assertEquals(1, skipped.unnamedCount());
    }

    private static byte[] classFile(String internalName) throws IOException {
        try (InputStream in = FieldWriteTransformerTest.class.getResourceAsStream("/" + internalName + ".class")) {
            return in.readAllBytes();
        }
    }
}
