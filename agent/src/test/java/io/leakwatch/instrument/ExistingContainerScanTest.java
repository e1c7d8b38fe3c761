package io.leakwatch.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leakwatch.bootstrap.FieldWriteHandler;

class ExistingContainerScanTest {

    private static final String WATCHED = ExistingContainerScanTest.class.getName() + "$";

    static final class StaticCache {
        static final Map<String, String> ENTRIES = new HashMap<>();
        static final Object NOT_A_CONTAINER_FIELD = new ArrayList<String>();
    }

    static final class Singleton {
        static final Singleton INSTANCE = new Singleton();
        private final Link first = new Link(new Link(new Link(null)));
    }

    static final class Link {
        private final Link next;
        private final List<String> items = new ArrayList<>();

        Link(Link next) {
            this.next = next;
        }
    }

    static final class NotYetInitialised {
        static final Map<String, String> SETTINGS = new HashMap<>();
    }

    /** Records what an instrumented write would have handed over. */
    private static final class RecordingHandler implements FieldWriteHandler {
        final List<Object> containers = new ArrayList<>();
        final List<Integer> sites = new ArrayList<>();

        @Override
        public void onFieldWrite(Object container, int siteId) {
            containers.add(container);
            sites.add(siteId);
        }
    }

    private final SiteTable sites = new SiteTable(64);
    private final RecordingHandler registry = new RecordingHandler();

    @Test
    void handsOverStaticContainersUnderTheFieldsSiteName() {
        scan(Set.of(StaticCache.class), 4, 100, StaticCache.class);

        assertEquals(1, registry.containers.size());
        assertSame(StaticCache.ENTRIES, registry.containers.get(0));
        assertEquals(StaticCache.class.getName() + "#ENTRIES", sites.nameOf(registry.sites.get(0)));
    }

    @Test
    void followsWatchedObjectsFromStaticFieldsUpToTheDepth() {
        ExistingContainerScan.Result found = scan(Set.of(Singleton.class), 2, 100, Singleton.class, Link.class);

        // INSTANCE is depth 1, its first link depth 2: only that link's list is within reach.
        assertEquals(1, registry.containers.size());
        assertSame(Singleton.INSTANCE.first.items, registry.containers.get(0));
        assertEquals(Link.class.getName() + "#items", sites.nameOf(registry.sites.get(0)));
        assertEquals(3, found.objects);

        registry.containers.clear();
        scan(Set.of(Singleton.class), 4, 100, Singleton.class, Link.class);
        assertEquals(3, registry.containers.size());
    }

    @Test
    void stopsAtTheObjectBudget() {
        ExistingContainerScan.Result found = scan(Set.of(Singleton.class), 4, 2, Singleton.class, Link.class);

        assertEquals(2, found.objects);
        assertTrue(found.budgetExhausted);
        assertEquals(1, registry.containers.size());
    }

    @Test
    void leavesClassesThatAreNotInitialisedAlone() {
        ExistingContainerScan.Result found = scan(Set.of(), 4, 100, NotYetInitialised.class, StaticCache.class);

        assertTrue(registry.containers.isEmpty());
        assertEquals(2, found.uninitializedClasses);
        assertTrue(found.describe().contains("found 0 existing containers"), found.describe());
        assertTrue(found.describe().contains("2 classes not yet initialised"), found.describe());
    }

    @Test
    void ignoresClassesOutsideTheWatchedPackages() {
        new ExistingContainerScan(name -> false, type -> true, sites, registry, 4, 100)
                .scan(new Class<?>[] {StaticCache.class});

        assertTrue(registry.containers.isEmpty());
    }

    private ExistingContainerScan.Result scan(Set<Class<?>> initialised, int depth, int objects, Class<?>... loaded) {
        return new ExistingContainerScan(name -> name.startsWith(WATCHED), initialised::contains, sites, registry,
                depth, objects).scan(loaded);
    }
}
