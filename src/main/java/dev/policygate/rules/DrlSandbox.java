package dev.policygate.rules;

import dev.policygate.facts.Fact;
import dev.policygate.rules.DrlTokens.Kind;
import dev.policygate.rules.DrlTokens.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The sandbox for submitted DRL: rules are code written by rule authors and run inside the service, so before
 * Drools compiles them each obligation's DRL is parsed and checked against a policy. A rule may use only the
 * fact model ({@code dev.policygate.facts}) and {@link #JDK_TYPES}; it may only insert facts; it must finish.
 *
 * <p>Two passes, each reported with the line it concerns:
 * <ol>
 *   <li>the parsed {@link PackageDescr}: imports, function imports, globals, declared types, attributes, the
 *       pattern types of every rule and query (nested, {@code from}, {@code collect}, {@code accumulate}),
 *       inline accumulate code, and recursion among functions;</li>
 *   <li>every token of the DRL text, string literals and comments skipped: type names, fully qualified names,
 *       reflection, {@code drools.}/{@code kcontext.} beyond {@code insert}, {@code modify}/{@code update}/
 *       {@code delete}/{@code retract}, loops other than {@code for (X x : collection)}, unicode escapes. Going
 *       over all the text, not just the expressions the walk knows about, means no corner of the DRL grammar
 *       (eval, named consequences, salience expressions …) can carry code past the check.</li>
 * </ol>
 */
public final class DrlSandbox {
    /**
     * The JDK types a rule may name, by simple name. Values, collections to gather evidence in, and pure
     * helpers; nothing that touches threads, the file system, the network, processes, class loading or
     * reflection. ({@code java.lang} is imported implicitly, so {@code System}, {@code Runtime}, {@code Thread}
     * and {@code Class} are excluded by not being listed here.)
     */
    static final Map<String, String> JDK_TYPES = jdkTypes(
            "java.lang.Object", "java.lang.String", "java.lang.StringBuilder", "java.lang.CharSequence",
            "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean", "java.lang.Math",
            "java.util.Collection", "java.util.List", "java.util.ArrayList", "java.util.Set", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.Collections", "java.util.Objects", "java.util.Optional", "java.time.LocalDate");

    private static final String FACTS = "dev.policygate.facts.";
    private static final String POLICY = "rules may only use the fact model (" + FACTS + "*) and "
            + String.join(", ", JDK_TYPES.keySet());

    /**
     * Members that lead to reflection, class loading, system properties, thread monitors or other threads (a
     * parallel stream works on the common fork-join pool, outside the evaluator's limits), whatever the receiver.
     */
    private static final Set<String> DENIED_MEMBERS = Set.of("class", "getClass", "forName", "getClassLoader",
            "classLoader", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
            "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors",
            "getDeclaredConstructor", "getDeclaredConstructors", "newInstance", "setAccessible", "invoke",
            "getInteger", "getLong", "getBoolean", "getProperty", "getenv", "wait", "notify", "notifyAll",
            "parallel", "parallelStream");

    private static final String NO_REFLECTION = "no reflection, class loading, system properties, thread monitors "
            + "or other threads";

    /** Object's monitor methods: names a local variable may have too ({@code boolean notify}), unless called. */
    private static final Set<String> MONITOR_METHODS = Set.of("wait", "notify", "notifyAll");


    /** What a consequence may call on {@code drools}: what the shipped rules do (they call it unqualified). */
    private static final Set<String> DROOLS_MEMBERS = Set.of("insert", "insertLogical");

    /** Working-memory changes the shipped rules never need: rules read facts and insert findings. */
    private static final Set<String> DENIED_ACTIONS = Set.of("modify", "update", "retract", "delete");

    /** Roots of fully qualified names: a chain starting with one names a class outside the fact model. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net",
            "io", "jakarta", "kotlin", "groovy", "scala");

    /** Attributes that cannot make a rule run more, longer or later than one firing of fireAllRules. */
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active",
            "agenda-group", "activation-group", "auto-focus", "dialect", "enabled", "date-effective", "date-expires");

    private final ClassLoader facts = Fact.class.getClassLoader();

    /** Checks the obligations of a rule set; functions are checked for recursion within each DRL package. */
    public List<CompileMessage> check(List<Obligation> obligations) {
        List<CompileMessage> out = new ArrayList<>();
        Map<String, Map<String, Function>> functionsByPackage = new LinkedHashMap<>();
        for (Obligation o : obligations) {
            Checked c = check(o);
            out.addAll(c.messages());
            for (Function f : c.functions()) {
                functionsByPackage.computeIfAbsent(f.pkg(), k -> new LinkedHashMap<>()).putIfAbsent(f.name(), f);
            }
        }
        functionsByPackage.values().forEach(fs -> out.addAll(DrlTermination.recursion(fs)));
        return out;
    }

    record Function(String obligationId, String pkg, String name, int line, List<Token> body) {
    }

    private record Checked(List<CompileMessage> messages, List<Function> functions) {
    }

    private Checked check(Obligation o) {
        Report r = new Report(o.id());
        String drl = o.drl();
        unicodeEscapes(drl, r);
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(null, drl);
        } catch (DroolsParserException e) {
            pkg = null;
        }
        // the token pass needs no parse: it runs even on DRL that does not parse (whose syntax errors the
        // compiler reports, with columns), so a parser that disagrees with the compiler's cannot open a gap
        List<Function> functions = pkg == null || parser.hasErrors() ? List.of() : walk(pkg, r);
        tokens(DrlTokens.tokenize(drl), r);
        return new Checked(r.messages, functions);
    }

    // ---- pass 1: the parsed package ----

    private List<Function> walk(PackageDescr pkg, Report r) {
        for (ImportDescr i : pkg.getImports()) {
            String t = i.getTarget();
            if (!allowedImport(t)) {
                r.add(i.getLine(), t, "import " + t + " is not allowed: " + POLICY);
            }
        }
        for (FunctionImportDescr i : pkg.getFunctionImports()) {
            if (!i.getTarget().startsWith(FACTS)) {
                r.add(i.getLine(), i.getTarget(), "import function " + i.getTarget() + " is not allowed: " + POLICY);
            }
        }
        pkg.getAccumulateImports().forEach(i -> r.add(i.getLine(), i.getTarget(),
                "import accumulate " + i.getTarget() + " is not allowed: use the built-in accumulate functions"));
        for (GlobalDescr g : pkg.getGlobals()) {
            r.add(g.getLine(), "global " + g.getIdentifier(),
                    "global " + g.getIdentifier() + ": globals are not allowed (the engine provides none)");
        }
        pkg.getClassAndEnumDeclarationDescrs().forEach(d -> r.add(d.getLine(), "declare " + d.getTypeName(),
                "declare " + d.getTypeName() + ": declared types are not allowed: " + POLICY));
        pkg.getEntryPointDeclarations().forEach(d -> r.add(d.getLine(), "entry-point",
                "entry point declarations are not allowed"));
        pkg.getWindowDeclarations().forEach(d -> r.add(d.getLine(), "window", "window declarations are not allowed"));
        if (pkg.getUnit() != null) {
            r.add(pkg.getUnit().getLine(), "unit", "rule units are not allowed");
        }
        pkg.getAttributes().forEach(a -> attribute(a, r));
        for (RuleDescr rule : pkg.getRules()) {
            rule.getAttributes().values().forEach(a -> attribute(a, r));
            if (rule.getLhs() != null) {
                lhs(rule.getLhs(), r);
            }
        }
        List<Function> functions = new ArrayList<>();
        for (FunctionDescr f : pkg.getFunctions()) {
            if (f.getDialect() != null && !f.getDialect().equals("java")) {
                r.add(f.getLine(), "dialect", "function " + f.getName() + ": only the java dialect is allowed");
            }
            functions.add(new Function(r.obligationId, pkg.getName(), f.getName(), f.getLine(),
                    DrlTokens.tokenize(f.getBody() == null ? "" : f.getBody())));
        }
        return functions;
    }

    private boolean allowedImport(String target) {
        if (target.startsWith(FACTS)) {
            return true;
        }
        String simple = target.substring(target.lastIndexOf('.') + 1);
        return target.equals(JDK_TYPES.get(simple));
    }

    private static void attribute(AttributeDescr a, Report r) {
        String name = a.getName();
        if (!ALLOWED_ATTRIBUTES.contains(name)) {
            r.add(a.getLine(), name, "the " + name + " attribute is not allowed: a rule fires only within one "
                    + "evaluation (no timer, calendars, duration)");
        } else if (name.equals("dialect") && !"java".equals(a.getValue())) {
            r.add(a.getLine(), name, "dialect " + a.getValue() + " is not allowed: consequences are java");
        } else if ((name.equals("salience") || name.equals("enabled")) && !String.valueOf(a.getValue()).strip().matches("-?\\d+|true|false")) {
            r.add(a.getLine(), name, "the " + name + " attribute must be a literal, not an expression");
        }
    }

    /** Pattern types everywhere in a left-hand side, and no inline accumulate code (it would be a loop body). */
    private void lhs(BaseDescr d, Report r) {
        if (d instanceof PatternDescr p) {
            String type = p.getObjectType();
            if (type != null && !allowedType(type)) {
                r.add(p.getLine(), type, type + " is not allowed in a rule: " + POLICY);
            }
            p.getDescrs().forEach(c -> lhs(c, r));
            if (p.getSource() != null) {
                lhs(p.getSource(), r);
            }
        } else if (d instanceof AccumulateDescr a) {
            if (a.getInitCode() != null || a.getActionCode() != null || a.getResultCode() != null) {
                r.add(a.getLine(), "accumulate", "inline accumulate code (init/action/result) is not allowed: "
                        + "use accumulate functions such as collectList, count, sum");
            }
            if (a.getInput() != null) {
                lhs(a.getInput(), r);
            }
        } else if (d instanceof CollectDescr c) {
            lhs(c.getInputPattern(), r);
        } else if (d instanceof FromDescr) {
            // its expression is code: pass 2 checks it with all the other code
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(c -> lhs((BaseDescr) c, r));
        }
    }

    private boolean allowedType(String type) {
        String t = type.replaceAll("<.*", "").replace("[]", "").strip();
        if (t.contains(".")) {
            return t.startsWith(FACTS) || JDK_TYPES.containsValue(t) || allowedType(t.substring(0, t.indexOf('.')));
        }
        return JDK_TYPES.containsKey(t) || isFactType(t);
    }

    private boolean isFactType(String simpleName) {
        try {
            Class.forName(FACTS + simpleName, false, facts);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // ---- pass 2: every token ----

    /** Java decodes unicode escapes (backslash, u, four hex digits) before it parses, even in literals and comments: they could hide any code. */
    private static void unicodeEscapes(String drl, Report r) {
        int line = 1, lineStart = 0;
        for (int i = 0; i + 1 < drl.length(); i++) {
            if (drl.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            } else if (drl.charAt(i) == '\\' && drl.charAt(i + 1) == 'u') {
                r.add(line, i - lineStart + 1, "\\u", "unicode escapes (\\u) are not allowed: write the character itself");
            }
        }
    }

    private void tokens(List<Token> ts, Report r) {
        for (int i = 0; i < ts.size(); i++) {
            Token t = ts.get(i);
            if (t.kind() != Kind.IDENT || i > 0 && (ts.get(i - 1).is(".") || ts.get(i - 1).is("@"))) {
                if (t.kind() == Kind.IDENT && DENIED_MEMBERS.contains(t.text())) {
                    r.add(t, t.text(), "." + t.text() + " is not allowed in a rule: " + NO_REFLECTION);
                }
                continue;
            }
            List<Token> chain = chain(ts, i);
            if (!afterHeaderKeyword(ts, i)) {
                checkChain(chain, ts, i, r);
            }
            DrlTermination.loops(ts, i, r);
            DrlTermination.anonymousClass(ts, i, r);
        }
    }

    /** The name of a package or import statement: pass 1 checks imports, package names may be anything. */
    private static boolean afterHeaderKeyword(List<Token> ts, int i) {
        String prev = i > 0 ? ts.get(i - 1).text() : "";
        String prev2 = i > 1 ? ts.get(i - 2).text() : "";
        return prev.equals("package") || prev.equals("import")
                || prev2.equals("import") && (prev.equals("static") || prev.equals("function") || prev.equals("accumulate"));
    }

    /** The identifiers of {@code a.b.c} starting at {@code i}. */
    private static List<Token> chain(List<Token> ts, int i) {
        List<Token> chain = new ArrayList<>(List.of(ts.get(i)));
        for (int k = i + 1; k + 1 < ts.size() && ts.get(k).is(".") && ts.get(k + 1).kind() == Kind.IDENT; k += 2) {
            chain.add(ts.get(k + 1));
        }
        return chain;
    }

    private void checkChain(List<Token> chain, List<Token> ts, int i, Report r) {
        Token root = chain.get(0);
        String name = root.text();
        Token after = i + 1 < ts.size() ? ts.get(i + 1) : null;
        if (DENIED_MEMBERS.contains(name) && (!MONITOR_METHODS.contains(name) || after != null && after.is("("))) {
            r.add(root, name, name + " is not allowed in a rule: " + NO_REFLECTION);
        } else if (name.equals("drools") || name.equals("kcontext")) {
            String member = chain.size() > 1 ? chain.get(1).text() : "";
            if (!name.equals("drools") || chain.size() != 2 || !DROOLS_MEMBERS.contains(member)) {
                String what = member.isEmpty() ? name : name + "." + member;
                r.add(root, what, what + " is not allowed: a consequence may only insert facts (insert, insertLogical)");
            }
        } else if (DENIED_ACTIONS.contains(name) && after != null && (after.is("(") || after.is("{"))) {
            r.add(root, name, name + " is not allowed: rules only read facts and insert findings");
        } else if (name.equals("synchronized")) {
            r.add(root, name, "synchronized is not allowed: rules share no locks");
        } else if (Character.isUpperCase(name.charAt(0))) {
            if (!JDK_TYPES.containsKey(name) && !isFactType(name)) {
                r.add(root, name, name + " is not allowed in a rule: " + POLICY);
            }
        } else if (Character.isLowerCase(name.charAt(0))) {
            String fqn = qualifiedName(chain);
            if (fqn != null && !fqn.startsWith(FACTS) && !JDK_TYPES.containsValue(fqn)
                    || fqn == null && chain.size() > 1 && PACKAGE_ROOTS.contains(name)) {
                String shown = fqn != null ? fqn : String.join(".", chain.stream().map(Token::text).toList());
                r.add(root, shown, shown + " is not allowed in a rule: " + POLICY);
            }
        }
    }

    /** {@code java.io.File} of {@code java.io.File.separator}: lower-case segments up to the first capitalised one. */
    private static String qualifiedName(List<Token> chain) {
        for (int k = 1; k < chain.size(); k++) {
            if (Character.isUpperCase(chain.get(k).text().charAt(0))) {
                return String.join(".", chain.subList(0, k + 1).stream().map(Token::text).toList());
            }
        }
        return null;
    }

    /** Messages of one obligation, one per line and subject (both passes may see the same thing). */
    static final class Report {
        final String obligationId;
        final List<CompileMessage> messages = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        Report(String obligationId) {
            this.obligationId = obligationId;
        }

        void add(int line, String subject, String message) {
            add(line, 0, subject, message);
        }

        void add(Token t, String subject, String message) {
            add(t.line(), t.column(), subject, message);
        }

        void add(int line, int column, String subject, String message) {
            if (seen.add(line + "|" + subject)) {
                messages.add(new CompileMessage(obligationId, "ERROR", Math.max(line, 0), column,
                        (line > 0 ? "line " + line + ": " : "") + message));
            }
        }
    }

    private static Map<String, String> jdkTypes(String... qualified) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String q : qualified) {
            m.put(q.substring(q.lastIndexOf('.') + 1), q);
        }
        return Collections.unmodifiableMap(m);
    }
}
