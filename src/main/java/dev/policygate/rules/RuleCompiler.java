package dev.policygate.rules;

import dev.policygate.facts.Fact;
import dev.policygate.score.ScoringConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.policygate.rules.sandbox.SandboxedRuleBase;
import org.kie.api.builder.Message;

/**
 * Compiles the obligations of a rule set into one KieBase. Before Drools sees them, each obligation's DRL is
 * checked against the rule-set conventions (reported like compiler errors, with line numbers):
 * <ul>
 *   <li>the obligation ID appears in the DRL as a string literal ({@code "HANDLER_IDENTITY"});</li>
 *   <li>every rule is named {@code "<ID> …"} and rule names are unique across the rule set;</li>
 *   <li>the DRL passes the {@link DrlSandbox}: it may use only the fact model and a short list of JDK value and
 *       collection types, insert facts, and must finish (no globals, reflection, threads, files, network,
 *       processes, runtime access, loops other than bounded ones, recursion, timers).</li>
 * </ul>
 * The API (obligation changes, validation), the packs loaded from {@code rules/} and the CLI all compile here, so
 * no DRL reaches Drools unchecked.
 * Run-time bounds (firing limit, time limit, stack and memory exhaustion) are {@link RuleEvaluator}'s.
 */
public final class RuleCompiler {
    static {
        DroolsLogging.guard();
    }

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");

    public CompiledRuleSet compile(RulePack pack) {
        return compile(pack.obligations(), pack.scoring());
    }

    public CompiledRuleSet compile(List<Obligation> obligations, ScoringConfig scoring) {
        long t0 = System.nanoTime();
        List<CompileMessage> errors = new ArrayList<>();
        if (obligations.isEmpty()) {
            errors.add(new CompileMessage("", "ERROR", 0, 0, "the rule set has no obligations"));
        }
        Map<String, String> ruleOwner = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Obligation o : obligations) {
            if (!ids.add(o.id())) {
                errors.add(new CompileMessage(o.id(), "ERROR", 0, 0, "obligation " + o.id() + " is given twice"));
            }
            errors.addAll(conventions(o, ruleOwner));
        }
        errors.addAll(new DrlSandbox().check(obligations));
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        // the fact model's class loader, not the thread's context loader: the same under Quarkus, a CLI or tests
        ClassLoader loader = Fact.class.getClassLoader();
        Map<String, String> idByPath = new LinkedHashMap<>();
        List<SandboxedRuleBase.Source> sources = new ArrayList<>();
        for (Obligation o : obligations) {
            String path = "obligations/" + o.id() + ".drl";
            idByPath.put("src/main/resources/" + path, o.id());
            sources.add(new SandboxedRuleBase.Source(path, o.drl()));
        }
        SandboxedRuleBase.Result built = new SandboxedRuleBase(loader).build(sources);
        List<CompileMessage> warnings = new ArrayList<>();
        for (Message m : built.messages()) {
            if (m.getLevel() == Message.Level.INFO || m.getText() != null && m.getText().contains("It is advised to have a correspondance")) {
                continue;
            }
            CompileMessage cm = toMessage(m, idByPath);
            (m.getLevel() == Message.Level.ERROR ? errors : warnings).add(cm);
        }
        if (!built.violations().isEmpty()) {
            ViolationLocator locator = new ViolationLocator(built.generated(), obligations);
            built.violations().stream().map(locator::locate).distinct().forEach(errors::add);
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < obligations.size(); i++) {
            order.put(obligations.get(i).id(), i);
        }
        Comparator<CompileMessage> byPlace = Comparator
                .comparingInt((CompileMessage m) -> order.getOrDefault(m.obligationId(), Integer.MAX_VALUE))
                .thenComparingInt(CompileMessage::line).thenComparingInt(CompileMessage::column);
        if (!errors.isEmpty()) {
            errors.sort(byPlace);
            throw new RuleCompilationException(errors);
        }
        warnings.sort(byPlace);
        return new CompiledRuleSet(built.kieBase(), obligations, scoring, warnings, (System.nanoTime() - t0) / 1_000_000);
    }

    static List<CompileMessage> conventions(Obligation o, Map<String, String> ruleOwner) {
        List<CompileMessage> out = new ArrayList<>();
        String drl = o.drl();
        String code = stripComments(drl);
        if (!o.id().matches("[A-Z][A-Z0-9_]*")) {
            out.add(new CompileMessage(o.id(), "ERROR", 0, 0, "obligation ID must match [A-Z][A-Z0-9_]*"));
        }
        if (!code.contains("\"" + o.id() + "\"")) {
            out.add(new CompileMessage(o.id(), "ERROR", 1, 1,
                    "the DRL never names its obligation: expected the literal \"" + o.id() + "\" in its findings"));
        }
        Matcher m = RULE.matcher(code);
        int rules = 0;
        while (m.find()) {
            rules++;
            String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            int[] lc = lineCol(code, m.start(1));
            if (!(name.equals(o.id()) || name.startsWith(o.id() + " ") || name.startsWith(o.id() + ":"))) {
                out.add(new CompileMessage(o.id(), "ERROR", lc[0], lc[1],
                        "rule \"" + name + "\" must be named \"" + o.id() + " …\" (rules only decide their own obligation)"));
            }
            String prev = ruleOwner.putIfAbsent(name, o.id());
            if (prev != null) {
                out.add(new CompileMessage(o.id(), "ERROR", lc[0], lc[1], "duplicate rule name \"" + name + "\""
                        + (prev.equals(o.id()) ? "" : " (also in " + prev + ")")));
            }
        }
        if (rules == 0) {
            out.add(new CompileMessage(o.id(), "ERROR", 1, 1, "the DRL declares no rule"));
        }
        return out;
    }

    /** Replaces comments by spaces (keeping line breaks and offsets) so that commented-out code is ignored. */
    static String stripComments(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        boolean inString = false;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
                i++;
            } else if (c == '"') {
                inString = true;
                i++;
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/'
                    || c == '#' && (i == 0 || b.charAt(i - 1) == '\n')) {
                while (i < b.length() && b.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                while (i < b.length() && !(b.charAt(i) == '*' && i + 1 < b.length() && b.charAt(i + 1) == '/')) {
                    if (b.charAt(i) != '\n') {
                        b.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i < b.length()) {
                    b.setCharAt(i++, ' ');
                    b.setCharAt(i++, ' ');
                }
            } else {
                i++;
            }
        }
        return b.toString();
    }

    private static int[] lineCol(String s, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static CompileMessage toMessage(Message m, Map<String, String> idByPath) {
        String path = m.getPath();
        String id = path == null ? "" : idByPath.getOrDefault(path, "");
        String text = m.getText() == null ? "" : m.getText().strip();
        if (id.isEmpty() && path != null && !path.isEmpty()) {
            // an error in generated Java: the DRL compiled, but its code did not (quote only the compiler's first line)
            text = text.lines().findFirst().orElse(text);
        }
        return new CompileMessage(id, m.getLevel() == Message.Level.ERROR ? "ERROR" : "WARNING",
                Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), text);
    }
}
