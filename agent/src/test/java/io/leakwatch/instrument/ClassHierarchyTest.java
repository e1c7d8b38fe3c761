package io.leakwatch.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Which declared field types count as containers: JDK maps and collections, the Caffeine and Guava cache
 * interfaces by name, and application subtypes of either, found by reading class files through the loader
 * without loading a class.
 */
class ClassHierarchyTest {

    /** Application types, only ever named by descriptor below: this test never loads them. */
    static class Bag extends ArrayList<String> {
    }

    static class DeeperBag extends Bag {
    }

    interface Lookup extends Map<String, String> {
    }

    abstract static class LookupBase implements Lookup {
    }

    abstract static class IndirectMap extends AbstractMap<String, String> {
    }

    static class NotAContainer {
        final Map<String, String> holdsOne = new HashMap<>();
    }

    private static final String PREFIX = "Lio/leakwatch/instrument/ClassHierarchyTest$";

    private final RecordingLoader loader = new RecordingLoader(getClass().getClassLoader(), Map.of());
    private final ClassHierarchy hierarchy = new ClassHierarchy(loader, new JdkContainerTypes());

    @Test
    void jdkMapsAndCollectionsOfAnyDeclaredTypeAreContainers() {
        for (String descriptor : List.of("Ljava/util/Map;", "Ljava/util/HashMap;", "Ljava/util/Collection;",
                "Ljava/util/List;", "Ljava/util/Set;", "Ljava/util/Deque;", "Ljava/util/SortedMap;",
                "Ljava/util/concurrent/ConcurrentMap;", "Ljava/util/concurrent/ConcurrentLinkedQueue;",
                "Ljava/util/WeakHashMap;", "Ljava/util/Properties;", "Ljava/util/concurrent/BlockingQueue;")) {
            assertTrue(hierarchy.isContainerDescriptor(descriptor), descriptor);
        }
    }

    @Test
    void primitivesStringsObjectsArraysAndOtherJdkTypesAreNot() {
        for (String descriptor : List.of("I", "J", "Z", "Ljava/lang/String;", "Ljava/lang/Object;",
                "[Ljava/util/Map;", "[I", "Ljava/util/Iterator;", "Ljava/util/Optional;", "Ljava/lang/Iterable;",
                "Ljava/util/Map$Entry;", "Ljava/util/concurrent/atomic/AtomicReference;", "Ljava/util/NoSuchType;")) {
            assertFalse(hierarchy.isContainerDescriptor(descriptor), descriptor);
        }
        assertEquals(List.of(), loader.loadedClasses);
    }

    @Test
    void cacheInterfacesCountByNameEvenWhereTheLoaderCannotSeeTheLibrary() {
        ClassHierarchy blind = new ClassHierarchy(new RecordingLoader(null, Map.of()), new JdkContainerTypes());
        for (String cache : List.of("com/github/benmanes/caffeine/cache/Cache",
                "com/github/benmanes/caffeine/cache/LoadingCache", "com/github/benmanes/caffeine/cache/AsyncCache",
                "com/github/benmanes/caffeine/cache/AsyncLoadingCache", "com/google/common/cache/Cache",
                "com/google/common/cache/LoadingCache")) {
            assertTrue(blind.isContainerDescriptor("L" + cache + ";"), cache);
        }
        assertFalse(blind.isContainerDescriptor("Lcom/github/benmanes/caffeine/cache/Caffeine;"));
        assertFalse(blind.isContainerDescriptor("Lcom/google/common/cache/CacheBuilder;"));
    }

    @Test
    void aCacheImplementationIsFoundThroughTheInterfaceItImplements() {
        assertTrue(hierarchy.isContainerDescriptor("Lcom/google/common/cache/LocalCache$LocalManualCache;"));
        assertTrue(hierarchy.isContainerDescriptor("Lcom/google/common/cache/ForwardingLoadingCache;"));
        assertEquals(List.of(), loader.loadedClasses);
    }

    @Test
    void applicationSubtypesAreResolvedFromClassFilesWithoutLoadingThem() {
        assertTrue(hierarchy.isContainerDescriptor(PREFIX + "Bag;"), "extends ArrayList");
        assertTrue(hierarchy.isContainerDescriptor(PREFIX + "DeeperBag;"), "extends an application's list");
        assertTrue(hierarchy.isContainerDescriptor(PREFIX + "Lookup;"), "an interface extending Map");
        assertTrue(hierarchy.isContainerDescriptor(PREFIX + "LookupBase;"), "implements such an interface");
        assertTrue(hierarchy.isContainerDescriptor(PREFIX + "IndirectMap;"), "extends a JDK abstract map");
        assertFalse(hierarchy.isContainerDescriptor(PREFIX + "NotAContainer;"), "only holds a map");
        assertFalse(hierarchy.isContainerDescriptor("Lcom/acme/NotOnTheClassPath;"), "unreadable: left alone");
        assertEquals(List.of(), loader.loadedClasses, "no class was loaded to answer");
        assertTrue(loader.readResources.contains("io/leakwatch/instrument/ClassHierarchyTest$Bag.class"));
    }

    @Test
    void eachClassFileIsReadOncePerTransformation() {
        for (int i = 0; i < 3; i++) {
            assertTrue(hierarchy.isContainerDescriptor(PREFIX + "DeeperBag;"));
            assertTrue(hierarchy.isContainerDescriptor(PREFIX + "Bag;"));
        }
        assertEquals(List.of("io/leakwatch/instrument/ClassHierarchyTest$DeeperBag.class",
                "io/leakwatch/instrument/ClassHierarchyTest$Bag.class"), loader.readResources);
    }

    @Test
    void aCyclicHierarchyEndsAndIsNotAContainer() {
        RecordingLoader cyclic = new RecordingLoader(getClass().getClassLoader(), Map.of(
                "com/acme/A", classExtending("com/acme/A", "com/acme/B"),
                "com/acme/B", classExtending("com/acme/B", "com/acme/A")));
        assertFalse(new ClassHierarchy(cyclic, new JdkContainerTypes()).isContainerDescriptor("Lcom/acme/A;"));
    }

    @Test
    void aHierarchyDeeperThanTheBoundIsNotFollowedToItsEnd() {
        Map<String, byte[]> shallow = chainEndingInArrayList(10);
        Map<String, byte[]> deep = chainEndingInArrayList(40);
        assertTrue(new ClassHierarchy(new RecordingLoader(null, shallow), new JdkContainerTypes())
                .isContainerDescriptor("Lcom/acme/Level0;"));
        assertFalse(new ClassHierarchy(new RecordingLoader(null, deep), new JdkContainerTypes())
                .isContainerDescriptor("Lcom/acme/Level0;"));
    }

    /** Level0 extends Level1 ... extends Level{levels-1} extends ArrayList. */
    private static Map<String, byte[]> chainEndingInArrayList(int levels) {
        Map<String, byte[]> classes = new HashMap<>();
        for (int level = 0; level < levels; level++) {
            String superName = level == levels - 1 ? "java/util/ArrayList" : "com/acme/Level" + (level + 1);
            classes.put("com/acme/Level" + level, classExtending("com/acme/Level" + level, superName));
        }
        return classes;
    }

    private static byte[] classExtending(String internalName, String superName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, internalName, null, superName, null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * Serves class files (its own, then its parent's) and records which it served and which classes anyone
     * asked it to load.
     */
    private static final class RecordingLoader extends ClassLoader {
        final List<String> readResources = new ArrayList<>();
        final List<String> loadedClasses = new ArrayList<>();
        private final Map<String, byte[]> classFiles;

        RecordingLoader(ClassLoader parent, Map<String, byte[]> classFiles) {
            super("recording", parent);
            this.classFiles = classFiles;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            loadedClasses.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            readResources.add(name);
            byte[] own = classFiles.get(name.replace(".class", ""));
            if (own != null) {
                return new ByteArrayInputStream(own);
            }
            return super.getResourceAsStream(name);
        }
    }
}
