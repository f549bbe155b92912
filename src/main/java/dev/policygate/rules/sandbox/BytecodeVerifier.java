package dev.policygate.rules.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Checks every class that compiling a rule set generated — rule structure, constraints, {@code eval}, {@code from},
 * consequences, functions and their lambdas, all of it JVM bytecode — against the {@link SandboxPolicy}. What the
 * source looked like does not matter: only what would run is judged. Rejects:
 * <ul>
 *   <li>a method, constructor or field whose declaring class and member are not allowed (reflection, class loaders,
 *       {@code Class}, I/O, network, threads, processes, {@code System}, {@code Runtime} ... are simply not listed);</li>
 *   <li>{@code invokedynamic} other than lambdas and string concatenation, lambdas and method references to members
 *       that are not allowed or that are only allowed through a guard, constant method handles and dynamic constants;</li>
 *   <li>handlers that could catch the budget's error ({@code Throwable}, {@code Error} and its subclasses, finally),
 *       monitors, native or synchronized methods, finalizers, static state written outside class initialisation;</li>
 *   <li>generated classes that extend or implement anything but the engine's model interfaces and functional
 *       interfaces, or that would live in the packages of the JDK, the engine or policygate.</li>
 * </ul>
 */
public final class BytecodeVerifier {
    private static final Set<String> SUPERCLASSES = Set.of("java/lang/Object", "java/lang/Enum");
    private static final List<String> INTERFACE_PACKAGES = List.of("org/drools/model/functions/", "java/util/function/");
    private static final Set<String> INTERFACES = Set.of("org/drools/model/Model", "org/drools/model/DomainClassMetadata",
            "java/util/Comparator", "java/io/Serializable");
    private static final List<String> RESERVED_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "org/drools/", "org/kie/", "org/mvel", "dev/policygate/", "io/quarkus/", "org/objectweb/");
    private static final Set<String> CATCHABLE = Set.of("java/lang/Exception", "java/lang/RuntimeException",
            "java/lang/IllegalArgumentException", "java/lang/IllegalStateException", "java/lang/NumberFormatException",
            "java/lang/ArithmeticException", "java/lang/NullPointerException", "java/lang/ClassCastException",
            "java/lang/IndexOutOfBoundsException", "java/lang/UnsupportedOperationException",
            "java/util/NoSuchElementException", "java/time/DateTimeException");
    private static final Set<String> PRIMITIVE_TYPE_FIELDS = Set.of("java/lang/Integer", "java/lang/Long",
            "java/lang/Double", "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Boolean",
            "java/lang/Character");

    private final SandboxPolicy policy;
    private final MemberResolver resolver;

    public BytecodeVerifier(SandboxPolicy policy, ClassLoader factModelLoader) {
        this.policy = policy;
        this.resolver = new MemberResolver(factModelLoader);
    }

    /** Every violation in the generated classes (by internal name); empty when all of them may run. */
    public List<Violation> verify(Map<String, ClassNode> generated) {
        List<Violation> out = new ArrayList<>();
        for (ClassNode c : generated.values()) {
            new ClassCheck(c, generated, out).run();
        }
        return out;
    }

    /**
     * Where a call of {@code owner.name descriptor} from rule code goes: the guard's name when the call must be routed
     * through {@link RuleBudget}, else null. Only meaningful for code that {@link #verify} accepted.
     */
    public String guardOf(String owner, String name, String descriptor, Map<String, ClassNode> generated) {
        if (generated.containsKey(owner)) {
            return null;
        }
        String declaring = declaringClassOfMethod(owner, name, descriptor, generated);
        return declaring == null ? null : policy.decide(declaring, name, descriptor).guard();
    }

    private String declaringClassOfMethod(String owner, String name, String descriptor, Map<String, ClassNode> generated) {
        String o = owner;
        while (generated.containsKey(o)) {
            ClassNode c = generated.get(o);
            for (MethodNode m : c.methods) {
                if (m.name.equals(name) && m.desc.equals(descriptor)) {
                    return o;
                }
            }
            if (name.equals("<init>")) {
                return null;
            }
            o = c.superName;
        }
        Class<?> k = resolver.load(o);
        return k == null ? null : resolver.declaringClassOfMethod(k, name, descriptor);
    }

    private final class ClassCheck {
        private final ClassNode c;
        private final Map<String, ClassNode> generated;
        private final List<Violation> out;
        private MethodNode method;

        ClassCheck(ClassNode c, Map<String, ClassNode> generated, List<Violation> out) {
            this.c = c;
            this.generated = generated;
            this.out = out;
        }

        void run() {
            for (String p : RESERVED_PACKAGES) {
                if (c.name.startsWith(p)) {
                    reject(c.name, "rules may not define classes in package " + p.replace('/', '.'));
                }
            }
            if (!SUPERCLASSES.contains(c.superName)) {
                reject(c.superName, "a generated class may not extend " + c.superName.replace('/', '.'));
            }
            for (String i : c.interfaces) {
                if (!allowedInterface(i)) {
                    reject(i, "a generated class may not implement " + i.replace('/', '.'));
                }
            }
            for (MethodNode m : c.methods) {
                method = m;
                checkMethod(m);
            }
        }

        private void checkMethod(MethodNode m) {
            if ((m.access & (Opcodes.ACC_NATIVE | Opcodes.ACC_SYNCHRONIZED)) != 0) {
                reject(m.name, "native and synchronized methods are not allowed in rules");
            }
            if (m.name.equals("finalize")) {
                reject(m.name, "finalizers are not allowed in rules (they would run outside any evaluation)");
            }
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (t.type == null) {
                    reject("finally", "finally blocks and catch-all handlers are not allowed in rules");
                } else if (!CATCHABLE.contains(t.type)) {
                    reject(t.type, "rules may not catch " + t.type.replace('/', '.')
                            + " (only Exception and its common unchecked subclasses)");
                }
            }
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode mi) {
                    checkCall(mi.owner, mi.name, mi.desc, false);
                } else if (insn instanceof FieldInsnNode fi) {
                    checkField(fi);
                } else if (insn instanceof TypeInsnNode ti) {
                    checkType(ti.desc);
                } else if (insn instanceof MultiANewArrayInsnNode ma) {
                    reject(ma.desc, "multi-dimensional arrays are not allowed in rules");
                } else if (insn instanceof LdcInsnNode ldc) {
                    checkConstant(ldc.cst);
                } else if (insn instanceof InvokeDynamicInsnNode indy) {
                    checkIndy(indy);
                } else if (insn.getOpcode() == Opcodes.MONITORENTER || insn.getOpcode() == Opcodes.MONITOREXIT) {
                    reject("synchronized", "synchronized blocks are not allowed in rules");
                }
            }
        }

        private void checkCall(String owner, String name, String desc, boolean handle) {
            if (owner.startsWith("[")) {
                // methods of arrays: clone() copies an array rule code already paid for
                if (!(name.equals("clone") || name.equals("equals") || name.equals("hashCode") || name.equals("toString"))) {
                    reject(owner + "." + name, "only clone, equals, hashCode and toString of arrays are allowed");
                }
                return;
            }
            String declaring = declaringClassOfMethod(owner, name, desc, generated);
            if (declaring == null) {
                reject(owner + "." + name, display(owner) + "." + name + " does not exist for rules");
                return;
            }
            if (generated.containsKey(declaring)) {
                return; // verified itself
            }
            SandboxPolicy.Decision d = policy.decide(declaring, name, desc);
            if (!d.allowed()) {
                reject(declaring + "." + name, display(declaring) + "." + (name.equals("<init>") ? "<init> (new "
                        + display(declaring) + ")" : name) + " is not allowed in a rule");
            } else if (handle && d.guard() != null) {
                reject(declaring + "." + name, display(declaring) + "." + name
                        + " may be called in a rule but not used as a method reference");
            }
        }

        private void checkField(FieldInsnNode fi) {
            if (generated.containsKey(fi.owner)) {
                if (fi.getOpcode() == Opcodes.PUTSTATIC && !(method.name.equals("<clinit>") && fi.owner.equals(c.name))) {
                    reject(fi.owner + "." + fi.name, "rules may not change static state (" + fi.name + ")");
                }
                return;
            }
            if (fi.getOpcode() == Opcodes.PUTSTATIC || fi.getOpcode() == Opcodes.PUTFIELD) {
                reject(fi.owner + "." + fi.name, "rules may not change " + display(fi.owner) + "." + fi.name);
                return;
            }
            if (fi.name.equals("TYPE") && PRIMITIVE_TYPE_FIELDS.contains(fi.owner) && ruleStructureMethod()) {
                return; // int.class naming an index's type in the rule structure Drools generates; Class has no allowed member
            }
            Class<?> k = resolver.load(fi.owner);
            String declaring = k == null ? null : resolver.declaringClassOfField(k, fi.name);
            if (declaring == null || !policy.decide(declaring, fi.name, fi.desc).allowed()) {
                reject(fi.owner + "." + fi.name, display(fi.owner) + "." + fi.name + " is not allowed in a rule");
            }
        }

        /** The methods that build a rule's structure ({@code rule_...} in the generated RuleMethods classes). */
        private boolean ruleStructureMethod() {
            return method.name.startsWith("rule_") && c.name.matches(".*/Rules[0-9A-F]+RuleMethods[0-9]+");
        }

        private void checkType(String desc) {
            String t = Type.getObjectType(desc).getSort() == Type.ARRAY ? Type.getObjectType(desc).getElementType()
                    .getInternalName() : desc;
            if (Type.getObjectType(desc).getSort() == Type.ARRAY && Type.getObjectType(desc).getElementType().getSort()
                    != Type.OBJECT) {
                return; // primitive arrays
            }
            if (!generated.containsKey(t) && !policy.knownType(t)) {
                reject(t, display(t) + " is not allowed in a rule");
            }
        }

        private void checkConstant(Object cst) {
            if (cst instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    reject("MethodType", "method type constants are not allowed in rules");
                } else if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                    checkType(t.getInternalName());
                }
            } else if (cst instanceof Handle || !(cst instanceof String || cst instanceof Number)) {
                reject("constant", "method handles and dynamic constants are not allowed in rules");
            }
        }

        private void checkIndy(InvokeDynamicInsnNode indy) {
            Handle bsm = indy.bsm;
            String b = bsm.getOwner() + "." + bsm.getName();
            switch (b) {
                case "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
                     "java/lang/invoke/StringConcatFactory.makeConcat" -> {
                    for (Object a : indy.bsmArgs) {
                        if (!(a instanceof String)) {
                            reject(b, "string concatenation with non-string constants is not allowed in rules");
                        }
                    }
                }
                case "java/lang/invoke/LambdaMetafactory.metafactory" -> {
                    String iface = Type.getReturnType(indy.desc).getInternalName();
                    if (!allowedInterface(iface)) {
                        reject(iface, "a rule lambda may not implement " + display(iface));
                    }
                    if (indy.bsmArgs.length != 3 || !(indy.bsmArgs[1] instanceof Handle impl)) {
                        reject(b, "unexpected lambda shape");
                        return;
                    }
                    checkCall(impl.getOwner(), impl.getName(), impl.getDesc(), true);
                }
                default -> reject(b, "invokedynamic with " + b + " is not allowed in rules");
            }
        }

        private boolean allowedInterface(String i) {
            return INTERFACES.contains(i) || INTERFACE_PACKAGES.stream().anyMatch(p -> i.startsWith(p)
                    && i.indexOf('/', p.length()) < 0);
        }

        private void reject(String what, String message) {
            out.add(new Violation(c.name, method == null ? null : method.name, null, what, message));
        }
    }

    static String display(String internalName) {
        String n = internalName.replace('/', '.');
        for (String p : List.of("java.lang.", "java.util.")) {
            if (n.startsWith(p) && n.indexOf('.', p.length()) < 0) {
                return n.substring(p.length());
            }
        }
        return n;
    }
}
