package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;

import org.junit.jupiter.api.Test;

import io.leakwatch.track.ContainerReader.Kind;

/**
 * The reviewed classification. java.util is not opened to this test's module, so the classes read
 * through their fields are unread here (the forked-JVM tests read them); what matters is that none of
 * them is ever called.
 */
class ContainerReaderTest {

    private final ContainerReader reader = new ContainerReader(new SizeCallWatch(4), System::nanoTime);

    @Test
    void lockFreeJdkCollectionsAreCalledAndWalked() throws Exception {
        Map<String, String> map = new HashMap<>(Map.of("a", "1", "b", "2"));
        assertEquals(Kind.CALL, ContainerReader.kindOf(HashMap.class));
        assertEquals(2, reader.size(map));
        assertSame(map, ContainerReader.iterableCore(map));
        assertTrue(ContainerReader.isIterable(ConcurrentHashMap.class));
        assertEquals(Kind.CALL, ContainerReader.kindOf(ConcurrentHashMap.newKeySet().getClass()));
        assertEquals(Kind.CALL, ContainerReader.kindOf(List.of(1, 2, 3).getClass()));
    }

    @Test
    void anApplicationSubclassThatOverridesNothingReadIsReadAsItsJdkClass() {
        Map<String, String> lru = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 10;
            }
        };
        assertEquals(Kind.CALL, ContainerReader.kindOf(lru.getClass()));
        assertTrue(ContainerReader.isIterable(lru.getClass()));
    }

    @Test
    void applicationCodeIsNeverCalled() throws Exception {
        assertEquals(Kind.NONE, ContainerReader.kindOf(OwnSizeList.class));
        assertEquals(Kind.NONE, ContainerReader.kindOf(OwnSizeHashMap.class));
        assertEquals(Kind.NONE, ContainerReader.kindOf(AbstractMap.class));
        assertEquals(ContainerReader.UNREADABLE, reader.size(new OwnSizeList()));
        assertEquals(Kind.CALL, ContainerReader.kindOf(OwnIteratorList.class));
        assertNull(ContainerReader.iterableCore(new OwnIteratorList()));
    }

    @Test
    void classesWhoseSizeLocksOrWritesAreNeverCalled() {
        for (Class<?> type : List.of(WeakHashMap.class, Hashtable.class, Vector.class, ArrayBlockingQueue.class,
                LinkedBlockingDeque.class, PriorityBlockingQueue.class, DelayQueue.class,
                Collections.newSetFromMap(new WeakHashMap<>()).getClass(),
                Collections.synchronizedMap(new HashMap<>()).getClass(),
                Collections.unmodifiableList(new ArrayList<>()).getClass())) {
            Kind kind = ContainerReader.kindOf(type);
            assertTrue(kind == Kind.INT_FIELD || kind == Kind.UNWRAP || kind == Kind.NONE, type + " is " + kind);
            assertTrue(!ContainerReader.isIterable(type), type + " is walked");
        }
    }

    @Test
    void blockingQueuesWithALockFreeSizeAreNotWalked() {
        assertEquals(Kind.CALL_SIZE_ONLY, ContainerReader.kindOf(LinkedBlockingQueue.class));
        assertEquals(Kind.CALL_SIZE_ONLY, ContainerReader.kindOf(Properties.class));
        assertTrue(!ContainerReader.isIterable(LinkedBlockingQueue.class));
    }

    @Test
    void aWeakHashMapIsNotExpungedByTheSampler() throws Exception {
        WeakHashMap<Object, String> map = new WeakHashMap<>();
        Object key = new Object();
        map.put(key, "collected soon");
        java.lang.ref.WeakReference<Object> collected = new java.lang.ref.WeakReference<>(key);
        key = null;
        while (collected.get() != null) {
            System.gc();
        }
        long size = reader.size(map);
        assertNotEquals(0, size, "reading the count must not expunge (1 when java.util is open, unread otherwise)");
        assertTrue(size == 1 || size == ContainerReader.UNREADABLE);
    }

    @Test
    void aReviewedJdkTypeIsNeverGivenUp() throws Exception {
        // Its size() cannot wait on anything; a call that seemed stuck was held up by a GC pause.
        SizeCallWatch watch = new SizeCallWatch(4);
        ContainerReader watched = new ContainerReader(watch, () -> 0);
        watch.enter(ArrayList.class.getName(), 1);
        watch.abandonIfStuck(Long.MAX_VALUE / 2, 1);
        assertEquals(1, watched.size(new ArrayList<>(List.of(1))));
        assertEquals(1, watched.size(Set.of(1)));
    }

    /** An application collection with its own size(). */
    static final class OwnSizeList extends AbstractList<String> {
        @Override
        public String get(int index) {
            return null;
        }

        @Override
        public int size() {
            return 0;
        }
    }

    /** A HashMap whose size() is the application's. */
    static final class OwnSizeHashMap extends HashMap<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public int size() {
            return 42;
        }
    }

    /** An ArrayList whose iterator is the application's: its size may be read, it is not walked. */
    static final class OwnIteratorList extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public java.util.Iterator<String> iterator() {
            throw new IllegalStateException("not for the agent");
        }
    }
}
