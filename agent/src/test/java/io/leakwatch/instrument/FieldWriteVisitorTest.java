package io.leakwatch.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leakwatch.bootstrap.FieldWriteHandler;
import io.leakwatch.bootstrap.LeakwatchBridge;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The rewritten bytecode passes the JVM's verifier and calls the bridge exactly at the stores of container-typed
 * fields: in the class file (one call, with the field's site id, right before each such store) and when run (the
 * container about to be stored is what the handler receives).
 */
class FieldWriteVisitorTest {

    /** An application's class with every kind of store the visitor must tell apart, as javac compiles them. */
    public static final class Writes {
        public static Collection<String> sharedNames;
        public Map<String, Integer> counts = new HashMap<>();
        public List<String> names;
        public HashMap<String, String> byId;
        public Bag bag;
        public Lookup lookup;
        public Cache<String, String> cache;
        public int size;
        public long total;
        public String label;
        public Object anything;
        public Object[] slots = new Object[1];

        public void writeContainers(boolean linked) {
            // The two arms meet with the value on the stack: a frame the inserted code must not disturb.
            names = linked ? new LinkedList<>() : new ArrayList<>();
            byId = new HashMap<>();
            sharedNames = new ArrayList<>();
            bag = new Bag();
            lookup = new LookupMap();
            cache = Caffeine.newBuilder().build();
            for (int i = 0; i < 2; i++) {
                names = new ArrayList<>(names);
            }
        }

        public void writeOthers() {
            size = 3;
            total = 5L;
            label = "x";
            anything = new HashMap<String, String>();
            slots[0] = new ArrayList<String>();
            List<String> local = new ArrayList<>();
            local.add("y");
            label = local.get(0);
            Map<String, Integer> read = counts;
            read.put("k", 1);
        }

        public void writeNull() {
            names = null;
        }
    }

    /** An application's subtype of a JDK container, resolved by reading its class file. */
    public static class Bag extends ArrayList<String> {
    }

    /** An application's interface that extends Map. */
    public interface Lookup extends Map<String, String> {
    }

    public static final class LookupMap extends HashMap<String, String> implements Lookup {
    }

    /** A class none of whose stores is of a container-typed field. */
    public static final class NoContainerWrites {
        public int size;
        public String label;
        public Object anything;

        public void write() {
            size = 1;
            label = "x";
            anything = new ArrayList<String>();
        }
    }

    private static final String WRITES = Writes.class.getName();
    private static final String NO_CONTAINER_WRITES = NoContainerWrites.class.getName();

    private final SiteTable sites = new SiteTable(16);
    private final AtomicLong errors = new AtomicLong();

    @Test
    void callsTheBridgeRightBeforeEachStoreOfAContainerTypedFieldAndNowhereElse() throws IOException {
        Map<String, List<String>> calls = bridgeCallsByMethod(transform(WRITES, sites));

        assertEquals(List.of("counts"), calls.get("<init>"));
        assertEquals(List.of("names", "byId", "sharedNames", "bag", "lookup", "cache", "names"),
                calls.get("writeContainers"), "int, long, String, Object and array stores, locals and reads excluded");
        assertEquals(List.of(), calls.get("writeOthers"));
        assertEquals(List.of("names"), calls.get("writeNull"));
        assertEquals(0, errors.get());
    }

    @Test
    void theRewrittenClassVerifiesAndHandsOverEveryContainerItStores() throws Exception {
        byte[] rewritten = transform(WRITES, sites);
        BridgeCopyLoader loader = new BridgeCopyLoader(Map.of(WRITES, rewritten,
                LeakwatchBridge.class.getName(), classFile(LeakwatchBridge.class.getName())));
        Recorder recorder = new Recorder(sites);
        loader.installHandler(recorder);
        // Initialising links the class: the JVM verifies every method of it here, or throws VerifyError.
        Class<?> writesClass = Class.forName(WRITES, true, loader);
        Object writes = writesClass.getConstructor().newInstance();
        assertEquals(List.of(fieldSite("counts")), recorder.siteNames);
        assertSame(writesClass.getField("counts").get(writes), recorder.containers.get(0));

        recorder.clear();
        call(writes, "writeContainers", true);
        assertEquals(List.of(fieldSite("names"), fieldSite("byId"), fieldSite("sharedNames"), fieldSite("bag"),
                fieldSite("lookup"), fieldSite("cache"), fieldSite("names"), fieldSite("names")), recorder.siteNames);
        assertSame(writesClass.getField("names").get(writes), recorder.containers.get(7), "the value the field holds");
        assertSame(writesClass.getField("cache").get(writes), recorder.containers.get(5));
        assertSame(LinkedList.class, recorder.containers.get(0).getClass());

        recorder.clear();
        call(writes, "writeContainers", false);
        assertSame(ArrayList.class, recorder.containers.get(0).getClass());

        recorder.clear();
        call(writes, "writeOthers", null);
        call(writes, "writeNull", null);
        assertEquals(List.of(), recorder.siteNames, "no container-typed field was written, and null is not handed over");
        assertNull(writesClass.getField("names").get(writes));
        assertEquals("y", writesClass.getField("label").get(writes));
    }

    @Test
    void aClassWithoutContainerStoresLoadsUnchanged() throws IOException {
        FieldWriteTransformer transformer = transformer(sites);
        assertNull(transformer.transform(getClass().getClassLoader(), internalName(NO_CONTAINER_WRITES), null, null,
                classFile(NO_CONTAINER_WRITES)));
    }

    @Test
    void aFullSiteTableLeavesTheStoresAlone() throws IOException {
        SiteTable full = new SiteTable(0);
        FieldWriteTransformer transformer = transformer(full);
        assertNull(transformer.transform(getClass().getClassLoader(), internalName(WRITES), null, null,
                classFile(WRITES)));
        assertEquals(9, full.refusedSites(), "one refusal per store of a container-typed field");
    }

    private String fieldSite(String field) {
        return WRITES + "#" + field;
    }

    private byte[] transform(String className, SiteTable table) throws IOException {
        byte[] rewritten = transformer(table).transform(getClass().getClassLoader(), internalName(className), null,
                null, classFile(className));
        if (rewritten == null) {
            throw new AssertionError(className + " was left unchanged");
        }
        return rewritten;
    }

    private FieldWriteTransformer transformer(SiteTable table) {
        return new FieldWriteTransformer(name -> true, table, errors,
                new BridgeVisibility(LeakwatchBridge.class, (loader, first) -> { }), new SkippedClasses());
    }

    private static void call(Object target, String method, Boolean argument) throws Exception {
        try {
            if (argument == null) {
                target.getClass().getMethod(method).invoke(target);
            } else {
                target.getClass().getMethod(method, boolean.class).invoke(target, argument);
            }
        } catch (InvocationTargetException e) {
            throw new AssertionError(method + " threw", e.getCause());
        }
    }

    private static String internalName(String className) {
        return className.replace('.', '/');
    }

    static byte[] classFile(String className) throws IOException {
        try (InputStream in = FieldWriteVisitorTest.class.getResourceAsStream("/" + internalName(className) + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * Per method, the field stored right after each bridge call, checked to be preceded by {@code DUP} and the push
     * of that field's own site id; a call followed by anything else, or with another id, is listed as such.
     */
    private Map<String, List<String>> bridgeCallsByMethod(byte[] classFile) {
        Map<String, List<String>> calls = new TreeMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new BridgeCallLister(calls.computeIfAbsent(name, key -> new ArrayList<>()));
            }
        }, 0);
        return calls;
    }

    /** Lists, for one method, the field each bridge call hands over, or what is wrong with the call. */
    private final class BridgeCallLister extends MethodVisitor {
        private final List<String> calls;
        /** The two instructions before the latest bridge call, which must be DUP and the push of the site id. */
        private String dupBeforeBridge;
        private String pushBeforeBridge;
        private String previous = "";
        private String beforePrevious = "";
        private boolean afterBridge;

        BridgeCallLister(List<String> calls) {
            super(Opcodes.ASM9);
            this.calls = calls;
        }

        private void instruction(String text) {
            if (afterBridge) {
                calls.add("bridge call followed by " + text);
                afterBridge = false;
            }
            beforePrevious = previous;
            previous = text;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (!owner.equals(LeakwatchBridge.INTERNAL_NAME)) {
                instruction("call " + name);
                return;
            }
            dupBeforeBridge = beforePrevious;
            pushBeforeBridge = previous;
            instruction("bridge call");
            afterBridge = true;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (afterBridge && (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC)) {
                afterBridge = false;
                String expectedPush = "push " + sites.idOf(owner.replace('/', '.'), name);
                calls.add("DUP".equals(dupBeforeBridge) && expectedPush.equals(pushBeforeBridge) ? name
                        : name + " after " + dupBeforeBridge + ", " + pushBeforeBridge + " (expected DUP, "
                                + expectedPush + ")");
            }
            instruction("field " + name);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5) {
                instruction("push " + (opcode - Opcodes.ICONST_0));
            } else {
                instruction(opcode == Opcodes.DUP ? "DUP" : "opcode " + opcode);
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instruction(opcode == Opcodes.NEWARRAY ? "newarray" : "push " + operand);
        }

        @Override
        public void visitLdcInsn(Object value) {
            instruction(value instanceof Integer ? "push " + value : "ldc " + value);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            instruction("local " + opcode);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instruction("type " + opcode);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            instruction("jump " + opcode);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            instruction("iinc");
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            instruction("indy " + name);
        }

        @Override
        public void visitEnd() {
            if (afterBridge) {
                calls.add("bridge call at the end of the method");
            }
        }
    }

    /** What the handler of the test's own copy of the bridge was handed, by site name. */
    private static final class Recorder implements FieldWriteHandler {
        final List<String> siteNames = new ArrayList<>();
        final List<Object> containers = new ArrayList<>();
        private final SiteTable table;

        Recorder(SiteTable table) {
            this.table = table;
        }

        @Override
        public void onFieldWrite(Object container, int siteId) {
            siteNames.add(table.nameOf(siteId));
            containers.add(container);
        }

        void clear() {
            siteNames.clear();
            containers.clear();
        }
    }

    /**
     * Defines the rewritten class and a fresh copy of the bridge itself, delegating everything else to the test's
     * loader: the copy takes a handler of its own, which the agent's one-handler bridge would refuse a second time.
     */
    static final class BridgeCopyLoader extends ClassLoader {
        private final Map<String, byte[]> own;

        BridgeCopyLoader(Map<String, byte[]> own) {
            super("bridge-copy", FieldWriteVisitorTest.class.getClassLoader());
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] bytes = own.get(name);
            if (bytes == null) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> defined = findLoadedClass(name);
                return defined != null ? defined : defineClass(name, bytes, 0, bytes.length);
            }
        }

        void installHandler(FieldWriteHandler handler) throws ReflectiveOperationException {
            Class<?> bridge = loadClass(LeakwatchBridge.class.getName());
            Method install = bridge.getMethod("install", FieldWriteHandler.class);
            install.invoke(null, handler);
            Field handlerField = bridge.getDeclaredField("handler");
            handlerField.setAccessible(true);
            assertSame(handler, handlerField.get(null));
        }
    }
}
