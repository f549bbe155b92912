package dev.policygate.rules.sandbox;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * Finds the class that declares a method or field named in bytecode, as the JVM's resolution would (the class
 * itself, its superclasses, then its interfaces), without initialising any class. The allow-list is about declaring
 * classes, so {@code getClass} stays {@code Object.getClass} whatever class a call names.
 */
final class MemberResolver {
    private final ClassLoader loader;
    private final ConcurrentHashMap<String, Class<?>> classes = new ConcurrentHashMap<>();

    MemberResolver(ClassLoader loader) {
        this.loader = loader;
    }

    /** The class, or null when it does not exist for the rules' class loader. */
    Class<?> load(String internalName) {
        if (internalName.startsWith("[")) {
            return null;
        }
        Class<?> c = classes.computeIfAbsent(internalName, n -> {
            try {
                return Class.forName(n.replace('/', '.'), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Void.class; // marker: unknown
            }
        });
        return c == Void.class ? null : c;
    }

    /** Internal name of the class that declares the method, or null if there is none. */
    String declaringClassOfMethod(Class<?> owner, String name, String descriptor) {
        if (name.equals("<init>") || name.equals("<clinit>")) {
            for (Constructor<?> c : owner.getDeclaredConstructors()) {
                if (Type.getConstructorDescriptor(c).equals(descriptor)) {
                    return Type.getInternalName(owner);
                }
            }
            return null;
        }
        for (Class<?> k = owner; k != null; k = k.getSuperclass()) {
            if (declaresMethod(k, name, descriptor)) {
                return Type.getInternalName(k);
            }
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> k = owner; k != null; k = k.getSuperclass()) {
            todo.addAll(java.util.List.of(k.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (!seen.add(i)) {
                continue;
            }
            if (declaresMethod(i, name, descriptor)) {
                return Type.getInternalName(i);
            }
            todo.addAll(java.util.List.of(i.getInterfaces()));
        }
        return owner.isInterface() && declaresMethod(Object.class, name, descriptor) ? "java/lang/Object" : null;
    }

    /** Internal name of the class that declares the field, or null if there is none. */
    String declaringClassOfField(Class<?> owner, String name) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(owner);
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> k = todo.poll();
            if (!seen.add(k)) {
                continue;
            }
            for (Field f : k.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return Type.getInternalName(k);
                }
            }
            todo.addAll(java.util.List.of(k.getInterfaces()));
            if (k.getSuperclass() != null) {
                todo.add(k.getSuperclass());
            }
        }
        return null;
    }

    private static boolean declaresMethod(Class<?> k, String name, String descriptor) {
        for (Method m : k.getDeclaredMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) {
                return true;
            }
        }
        return false;
    }
}
