package io.leakwatch.instrument;

import io.leakwatch.bootstrap.LeakwatchBridge;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites each {@code PUTFIELD}/{@code PUTSTATIC} of a container-typed field into
 * {@code DUP; push siteId; INVOKESTATIC LeakwatchBridge.onFieldWrite; PUTFIELD}: the value about to be
 * stored is handed to the agent, and nothing else about the method changes.
 */
final class FieldWriteVisitor extends MethodVisitor {

    /** The inserted code pushes the duplicated value and the site id. */
    private static final int EXTRA_STACK = 2;

    private final ContainerFieldTypes containerTypes;
    private final TypePool applicationTypes;
    private final SiteTable sites;
    private boolean inserted;

    FieldWriteVisitor(MethodVisitor target, ContainerFieldTypes containerTypes, TypePool applicationTypes,
            SiteTable sites) {
        super(OpenedClassReader.ASM_API, target);
        this.containerTypes = containerTypes;
        this.applicationTypes = applicationTypes;
        this.sites = sites;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if ((opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC)
                && containerTypes.isContainer(descriptor, applicationTypes)) {
            int siteId = sites.idOf(owner.replace('/', '.'), name);
            if (siteId != SiteTable.NO_SITE) {
                super.visitInsn(Opcodes.DUP);
                pushInt(siteId);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, LeakwatchBridge.INTERNAL_NAME,
                        LeakwatchBridge.ON_FIELD_WRITE, LeakwatchBridge.ON_FIELD_WRITE_DESCRIPTOR, false);
                inserted = true;
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
