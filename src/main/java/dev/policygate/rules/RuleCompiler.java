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

    private final boolean sourceChecks;

    public RuleCompiler() {
        this(true);
    }

    /**
     * @param sourceChecks whether the {@link DrlSandbox} reads the source first. It only gives friendlier messages:
     *                     safety comes from the bytecode verification and metering, which always run (tests turn the
     *                     source checks off to prove it)
     */
    RuleCompiler(boolean sourceChecks) {
        this.sourceChecks = sourceChecks;
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
        if (sourceChecks) {
            errors.addAll(new DrlSandbox().check(obligations));
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        // the fact model's class loader, not the thread's context loader: the same under Quarkus, a CLI or tests
        ClassLoader loader = Fact.class.getClassLoader();
        List<SandboxedRuleBase.Source> sources = new ArrayList<>();
        for (Obligation o : obligations) {
            sources.add(new SandboxedRuleBase.Source(DRL_DIR + o.id() + ".drl", o.drl()));
        }
        SandboxedRuleBase.Result built = new SandboxedRuleBase(loader).build(sources);
        List<CompileMessage> warnings = new ArrayList<>();
        for (Message m : built.messages()) {
            String text = m.getText() == null ? "" : m.getText();
            if (m.getLevel() == Message.Level.INFO || text.contains("It is advised to have a correspondance")
                    || text.startsWith("Java source of ")) {
                continue; // a dump of the whole generated source: the compiler's own message follows it
            }
            CompileMessage cm = toMessage(m, obligations);
            (m.getLevel() == Message.Level.ERROR ? errors : warnings).add(cm);
        }
        // "Parser returned a null Package" only repeats that the parser failed; keep it only if it is all there is
        Set<String> withReal = new HashSet<>();
        errors.stream().filter(m -> !m.message().startsWith("Parser returned a null Package"))
                .forEach(m -> withReal.add(m.obligationId()));
        errors.removeIf(m -> m.message().startsWith("Parser returned a null Package") && withReal.contains(m.obligationId()));
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

    private static final String DRL_DIR = "obligations/";
    private static final Pattern DRL_PATH = Pattern.compile(Pattern.quote(DRL_DIR) + "([A-Z][A-Z0-9_]*)\\.drl$");
    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");
    private static final Pattern QUOTED_NAME = Pattern.compile("^(\\w+) cannot be resolved|[\"'](\\w+)[\"']|\\b(\\w+)\\(");

    private static CompileMessage toMessage(Message m, List<Obligation> obligations) {
        String path = m.getPath() == null ? "" : m.getPath();
        String text = m.getText() == null ? "" : m.getText().strip();
        String level = m.getLevel() == Message.Level.ERROR ? "ERROR" : "WARNING";
        Matcher drl = DRL_PATH.matcher(path);
        if (drl.find()) {
            int line = Math.max(m.getLine(), 0), column = Math.max(m.getColumn(), 0);
            Matcher at = PARSER_POSITION.matcher(text);
            if (column == 0 && at.find()) {
                line = Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2));
            }
            return new CompileMessage(drl.group(1), level, line, column, text);
        }
        // an error in the Java generated from a rule: its line means nothing to the author, so find the DRL line
        // that mentions the name the compiler complains about
        text = text.lines().findFirst().orElse(text);
        Matcher q = QUOTED_NAME.matcher(text);
        String name = null;
        while (name == null && q.find()) {
            name = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
        }
        for (Obligation o : obligations) {
            int line = name == null ? 0 : lineMentioning(o.drl(), name);
            if (line > 0 || obligations.size() == 1) {
                return new CompileMessage(o.id(), level, Math.max(line, 1), 1, text);
            }
        }
        return new CompileMessage("", level, 0, 0, text);
    }

    private static int lineMentioning(String drl, String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(stripComments(drl));
        return m.find() ? lineCol(drl, m.start())[0] : 0;
    }
}
