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

    public Result build(List<Source> sources) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = ks.newReleaseId("dev.policygate.rules", "rule-set-" + BUILDS.incrementAndGet(), "1");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(rid);
        for (Source s : sources) {
            kfs.write("src/main/resources/" + s.path(), s.drl());
        }
        KieBuilder builder = ks.newKieBuilder(kfs, factModelLoader).buildAll(ExecutableModelProject.class);
        try {
            List<Message> messages = builder.getResults().getMessages();
            if (messages.stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR)) {
                return new Result(null, messages, List.of(), Map.of());
            }
            InternalKieModule km = (InternalKieModule) builder.getKieModule();
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            Map<String, ClassNode> generated = new LinkedHashMap<>();
            for (String f : km.getFileNames().stream().sorted().toList()) {
                if (!f.endsWith(".class") || f.startsWith("org/drools/project/model/ProjectModel")) {
                    continue; // the project descriptor is never loaded: the KieBase is built from the models below
                }
                byte[] b = km.getBytes(f);
                ClassNode node = new ClassNode();
                new ClassReader(b).accept(node, 0);
                generated.put(node.name, node);
                bytes.put(node.name, b);
            }
            List<Violation> violations = verifier.verify(generated);
            if (!violations.isEmpty()) {
                return new Result(null, messages, violations, generated);
            }
            Map<String, byte[]> instrumented = new LinkedHashMap<>();
            bytes.forEach((name, b) -> instrumented.put(name.replace('/', '.'), instrumenter.instrument(b, generated)));
            RuleClassLoader loader = new RuleClassLoader(instrumented, factModelLoader);
            KieBase kieBase = RuleBudget.run(BUILD_LIMITS, () -> kieBase(generated, loader)).value();
            return new Result(kieBase, messages, List.of(), generated);
        } finally {
            ks.getRepository().removeKieModule(rid);
        }
    }

    private static KieBase kieBase(Map<String, ClassNode> generated, RuleClassLoader loader) {
        List<Model> models = new ArrayList<>();
        for (ClassNode c : generated.values()) {
            if (c.interfaces.contains("org/drools/model/Model")) {
                try {
                    models.add((Model) loader.loadClass(c.name.replace('/', '.')).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot instantiate the rule model " + c.name, e);
                }
            }
        }
        Properties props = new Properties();
        props.setProperty("drools.propertySpecific", "ALLOWED");
        KnowledgeBuilderConfiguration builderConf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(props, loader);
        return KieBaseBuilder.createKieBaseFromModel(models, RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader),
                builderConf);
    }
}
