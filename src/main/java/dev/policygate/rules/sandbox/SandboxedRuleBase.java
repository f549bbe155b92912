package dev.policygate.rules.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Turns DRL into a KieBase whose every piece of rule code was verified and metered before it was loaded:
 * <ol>
 *   <li>Drools' executable model compiles the DRL to Java and then to bytecode — constraints, {@code eval},
 *       {@code from}, consequences and functions alike; nothing is left to an interpreter;</li>
 *   <li>the {@link BytecodeVerifier} checks all generated classes against the {@link SandboxPolicy};</li>
 *   <li>the {@link BudgetInstrumenter} makes them charge the evaluation's {@link RuleBudget};</li>
 *   <li>a {@link RuleClassLoader} defines exactly those classes, and the KieBase is built from their models (the
 *       rule structure runs under a budget too).</li>
 * </ol>
 */
public final class SandboxedRuleBase {
    /** Bounds of the rule structure's own code while the KieBase is built (it builds descriptors only). */
    private static final RuleBudget.Limits BUILD_LIMITS =
            new RuleBudget.Limits(50_000_000L, Duration.ofSeconds(120), Long.MAX_VALUE / 4);
    private static final AtomicLong BUILDS = new AtomicLong();

    /** A DRL source and the path its messages are reported against. */
    public record Source(String path, String drl) {
    }

    /** Either a KieBase, or the compiler's messages / the sandbox's violations that prevent one. */
    public record Result(KieBase kieBase, List<Message> messages, List<Violation> violations,
                         Map<String, ClassNode> generated) {
        public boolean ok() {
            return kieBase != null;
        }
    }

    private final ClassLoader factModelLoader;
    private final BytecodeVerifier verifier;
    private final BudgetInstrumenter instrumenter;

    public SandboxedRuleBase(ClassLoader factModelLoader) {
        this.factModelLoader = factModelLoader;
        this.verifier = new BytecodeVerifier(SandboxPolicy.standard(), factModelLoader);
        this.instrumenter = new BudgetInstrumenter(verifier);
    }

    /**
     * One obligation's DRL, compiled, verified and instrumented: what a rule set is assembled from. Units are cached
     * by content, so a rule set that differs from another in one obligation compiles only that one.
     */
    private record Unit(List<Message> messages, List<Violation> violations, Map<String, ClassNode> generated,
                        Map<String, byte[]> instrumented, List<String> models) {
        boolean ok() {
            return violations.isEmpty() && messages.stream().noneMatch(m -> m.getLevel() == Message.Level.ERROR);
        }
    }

    private static final int CACHED_UNITS = 512;
    private static final Map<String, Unit> UNITS = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Unit> eldest) {
                    return size() > CACHED_UNITS;
                }
            });

    /**
     * Each source is compiled on its own (a rule may use only functions of its own DRL), then the verified models
     * of all of them make one KieBase, each source's classes in a loader of their own.
     */
    public Result build(List<Source> sources) {
        List<Message> messages = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, ClassNode> failing = new LinkedHashMap<>();
        List<Unit> units = new ArrayList<>();
        for (Source s : sources) {
            String key = sha256(s.path() + "\n" + s.drl());
            Unit u = UNITS.get(key);
            if (u == null) {
                u = compile(s);
                if (u.ok()) {
                    UNITS.put(key, u);
                }
            }
            messages.addAll(u.messages());
            violations.addAll(u.violations());
            if (!u.ok()) {
                failing.putAll(u.generated());
            }
            units.add(u);
        }
        if (!violations.isEmpty() || messages.stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR)) {
            return new Result(null, messages, violations, failing);
        }
        KieBase kieBase = RuleBudget.run(BUILD_LIMITS, () -> kieBase(units)).value();
        return new Result(kieBase, messages, List.of(), Map.of());
    }

    private Unit compile(Source source) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = ks.newReleaseId("dev.policygate.rules", "rule-unit-" + BUILDS.incrementAndGet(), "1");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(rid);
        kfs.write("src/main/resources/" + source.path(), source.drl());
        KieBuilder builder = ks.newKieBuilder(kfs, factModelLoader).buildAll(ExecutableModelProject.class);
        try {
            List<Message> messages = builder.getResults().getMessages();
            if (messages.stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR)) {
                return new Unit(messages, List.of(), Map.of(), Map.of(), List.of());
            }
            InternalKieModule km = (InternalKieModule) builder.getKieModule();
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            Map<String, ClassNode> generated = new LinkedHashMap<>();
            for (String f : km.getFileNames().stream().sorted().toList()) {
                if (!f.endsWith(".class") || f.startsWith("org/drools/project/model/ProjectModel")) {
                    continue; // the project descriptor is never loaded: the KieBase is built from the models
                }
                byte[] b = km.getBytes(f);
                ClassNode node = new ClassNode();
                new ClassReader(b).accept(node, 0);
                generated.put(node.name, node);
                bytes.put(node.name, b);
            }
            List<Violation> violations = verifier.verify(generated);
            if (!violations.isEmpty()) {
                return new Unit(messages, violations, generated, Map.of(), List.of());
            }
            Map<String, byte[]> instrumented = new LinkedHashMap<>();
            bytes.forEach((name, b) -> instrumented.put(name.replace('/', '.'), instrumenter.instrument(b, generated)));
            List<String> models = generated.values().stream()
                    .filter(c -> c.interfaces.contains("org/drools/model/Model"))
                    .map(c -> c.name.replace('/', '.')).toList();
            return new Unit(List.copyOf(messages), List.of(), Map.of(), Map.copyOf(instrumented), models);
        } finally {
            ks.getRepository().removeKieModule(rid);
        }
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private KieBase kieBase(List<Unit> units) {
        List<Model> models = new ArrayList<>();
        for (Unit u : units) {
            RuleClassLoader loader = new RuleClassLoader(u.instrumented(), factModelLoader);
            for (String m : u.models()) {
                try {
                    models.add((Model) loader.loadClass(m).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot instantiate the rule model " + m, e);
                }
            }
        }
        Properties props = new Properties();
        props.setProperty("drools.propertySpecific", "ALLOWED");
        KnowledgeBuilderConfiguration builderConf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(props,
                factModelLoader);
        return KieBaseBuilder.createKieBaseFromModel(models,
                RuleBaseFactory.newKnowledgeBaseConfiguration(null, factModelLoader), builderConf);
    }
}
