package dev.policygate.rules.sandbox;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * Rewrites verified rule classes so that they meter themselves against the evaluation's {@link RuleBudget}: a
 * {@code step()} at every method entry and before every backward jump (every loop iteration), a size check before
 * every array allocation, and guarded JDK calls routed through {@link RuleBudget}. The inserted calls leave the
 * operand stack as it was, so the classes' stack-map frames stay valid.
 */
public final class BudgetInstrumenter {
    private static final String BUDGET = Type.getInternalName(RuleBudget.class);

    private final BytecodeVerifier verifier;

    public BudgetInstrumenter(BytecodeVerifier verifier) {
        this.verifier = verifier;
    }

    public byte[] instrument(byte[] classFile, Map<String, ClassNode> generated) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return mv == null ? null : new Metering(mv, generated);
            }
        }, 0);
        return writer.toByteArray();
    }

    private final class Metering extends MethodVisitor {
        private final Map<String, ClassNode> generated;
        private final Set<Label> seen = new HashSet<>();

        Metering(MethodVisitor mv, Map<String, ClassNode> generated) {
            super(Opcodes.ASM9, mv);
            this.generated = generated;
        }

        private void step() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "step", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            step();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                step();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (backward(dflt, labels)) {
                step();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (backward(dflt, labels)) {
                step();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean backward(Label dflt, Label[] labels) {
            if (seen.contains(dflt)) {
                return true;
            }
            for (Label l : labels) {
                if (seen.contains(l)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "arrayLength", "(I)I", false);
            }
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.ANEWARRAY) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "arrayLength", "(I)I", false);
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String guard = verifier.guardOf(owner, name, descriptor, generated);
            if (guard == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            // the receiver becomes the guard's first argument: the operand stack is the same
            String guardDescriptor = opcode == Opcodes.INVOKESTATIC ? descriptor
                    : "(" + Type.getObjectType(owner).getDescriptor() + descriptor.substring(1);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, guard, guardDescriptor, false);
        }
    }
}
