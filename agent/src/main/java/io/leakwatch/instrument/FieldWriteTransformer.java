package io.leakwatch.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.leakwatch.log.AgentLog;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites the container-typed field writes of each watched class as it loads, with the ASM that Byte
 * Buddy bundles. A class with no such write, or one that cannot be read, loads unchanged, and so does
 * one whose loader cannot see the bridge (see {@link BridgeVisibility}). Never throws: an error is
 * reported once and counted.
 */
final class FieldWriteTransformer implements ClassFileTransformer {

    /** Reading a hierarchy may load classes (URL handlers, say) whose loading must not be transformed by us. */
    private static final ThreadLocal<Boolean> TRANSFORMING = new ThreadLocal<>();

    private final Predicate<String> transformable;
    private final SiteTable sites;
    private final JdkContainerTypes jdkTypes = new JdkContainerTypes();
    private final AtomicLong transformErrors;
    private final BridgeVisibility bridgeVisibility;
    private final SkippedClasses skipped;

    FieldWriteTransformer(Predicate<String> transformable, SiteTable sites, AtomicLong transformErrors,
            BridgeVisibility bridgeVisibility, SkippedClasses skipped) {
        this.transformable = transformable;
        this.sites = sites;
        this.transformErrors = transformErrors;
        this.bridgeVisibility = bridgeVisibility;
        this.skipped = skipped;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (internalName == null) {
            // Hidden classes (lambdas, method handle forms) and VM-anonymous classes are never handed to
            // transformers on Java 11+; what comes without a name is a class a loader defined as
            // defineClass(null, ...). Without a name it cannot be matched to the watched packages, so it loads
            // unchanged. Counted in leakwatch.classes.skipped, never logged: it can happen per class.
            skipped.unnamed();
            return null;
        }
        if (loader == null || classFile == null || TRANSFORMING.get() != null) {
            return null;
        }
        String binaryName = internalName.replace('/', '.');
        if (!transformable.test(binaryName)) {
            return null;
        }
        TRANSFORMING.set(Boolean.TRUE);
        try {
            if (!bridgeVisibility.canSeeBridge(loader, binaryName)) {
                skipped.bridgeNotVisible();
                return null;
            }
            return rewrite(loader, classFile);
        } catch (Throwable error) {
            transformErrors.incrementAndGet();
            AgentLog.once("transform-error", "could not instrument " + binaryName + " (" + error
                    + "); it runs unchanged, and further such errors are counted silently");
            return null;
        } finally {
            TRANSFORMING.remove();
        }
    }

    private byte[] rewrite(ClassLoader loader, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & Opcodes.ACC_SYNTHETIC) != 0) {
            return null;
        }
        // Given the reader, the writer keeps the constant pool as it was; frames and maxima are kept
        // too, since the inserted code leaves the stack as it found it (the visitor raises max stack).
        ClassWriter writer = new ClassWriter(reader, 0);
        RewritingClassVisitor rewriting = new RewritingClassVisitor(writer, new ClassHierarchy(loader, jdkTypes), sites);
        reader.accept(rewriting, 0);
        if (!rewriting.rewritten) {
            return null;
        }
        return writer.toByteArray();
    }

    /**
     * Hands every method to a {@link FieldWriteVisitor} and learns whether any write was rewritten. It is its
     * visitors' callback itself: a lambda's first use would cost the first watched class to load a millisecond.
     */
    private static final class RewritingClassVisitor extends ClassVisitor implements Runnable {

        private final ClassHierarchy hierarchy;
        private final SiteTable sites;
        boolean rewritten;

        RewritingClassVisitor(ClassWriter writer, ClassHierarchy hierarchy, SiteTable sites) {
            super(Opcodes.ASM9, writer);
            this.hierarchy = hierarchy;
            this.sites = sites;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            return new FieldWriteVisitor(super.visitMethod(access, name, descriptor, signature, exceptions),
                    hierarchy, sites, this);
        }

        /** A write was rewritten. */
        @Override
        public void run() {
            rewritten = true;
        }
    }
}
