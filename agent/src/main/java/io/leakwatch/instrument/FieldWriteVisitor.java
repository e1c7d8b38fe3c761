package io.leakwatch.instrument;

import io.leakwatch.bootstrap.LeakwatchBridge;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites each {@code PUTFIELD}/{@code PUTSTATIC} of a container-typed field into
 * {@code DUP; push siteId; INVOKESTATIC LeakwatchBridge.onFieldWrite; PUTFIELD}: the value about to be
 * stored is handed to the agent, and nothing else about the method changes.
 */
final class FieldWriteVisitor extends MethodVisitor {

    /** The inserted code pushes the duplicated value and the site id. */
    private static final int EXTRA_STACK = 2;

    private final ClassHierarchy hierarchy;
    private final SiteTable sites;
    private final Runnable onRewrite;
    private boolean inserted;

    /** @param onRewrite told each time a write is rewritten, so that an unchanged class can be left as it was */
    FieldWriteVisitor(MethodVisitor target, ClassHierarchy hierarchy, SiteTable sites, Runnable onRewrite) {
        super(Opcodes.ASM9, target);
        this.hierarchy = hierarchy;
        this.sites = sites;
        this.onRewrite = onRewrite;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if ((opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC)
                && hierarchy.isContainerDescriptor(descriptor)) {
            int siteId = sites.idOf(owner.replace('/', '.'), name);
            if (siteId != SiteTable.NO_SITE) {
                super.visitInsn(Opcodes.DUP);
                pushInt(siteId);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, LeakwatchBridge.INTERNAL_NAME,
                        LeakwatchBridge.ON_FIELD_WRITE, LeakwatchBridge.ON_FIELD_WRITE_DESCRIPTOR, false);
                inserted = true;
                onRewrite.run();
            }
        }
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    private void pushInt(int value) {
        if (value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(inserted ? maxStack + EXTRA_STACK : maxStack, maxLocals);
    }
}
