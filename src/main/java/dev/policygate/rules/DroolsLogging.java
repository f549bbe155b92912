package dev.policygate.rules;

import java.util.logging.Level;
import org.jboss.logmanager.LogContext;

/**
 * Keeps Drools' network loggers above TRACE. Drools 10.2 builds a trace message in
 * {@code SegmentMemory.linkNode} by walking the network ({@code getRuleNames()}), and that walk throws a
 * ClassCastException on rules with {@code or} inside {@code exists}/{@code not}. The flag is read once, when
 * the class loads, so this must run before any rule base is built; without a logging configuration (the CLI,
 * benchmarks) JBoss LogManager would otherwise enable every level.
 */
final class DroolsLogging {
    private DroolsLogging() {
    }

    static void guard() {
        java.util.logging.Logger reteoo = LogContext.getLogContext().getLogger("org.drools.core.reteoo");
        Level current = reteoo.getLevel();
        if (current == null || current.intValue() < Level.INFO.intValue()) {
            reteoo.setLevel(Level.INFO);
        }
    }
}
