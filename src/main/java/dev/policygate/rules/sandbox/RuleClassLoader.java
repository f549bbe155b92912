package dev.policygate.rules.sandbox;

import java.util.Map;

/**
 * Defines a compiled rule set's verified and instrumented classes, and nothing else: every other class comes from
 * the fact model's loader. One loader per rule set, so a dropped rule set's classes can be unloaded.
 */
public final class RuleClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    public RuleClassLoader(Map<String, byte[]> classesByBinaryName, ClassLoader parent) {
        super("policygate-rules", parent);
        this.classes = Map.copyOf(classesByBinaryName);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // rule classes first: a generated class must never be shadowed by one of the same name elsewhere
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && classes.containsKey(name)) {
                c = findClass(name);
            }
            if (c == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
