package dev.policygate.rules;

import dev.policygate.rules.DrlSandbox.Function;
import dev.policygate.rules.DrlSandbox.Report;
import dev.policygate.rules.DrlTokens.Kind;
import dev.policygate.rules.DrlTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the {@link DrlSandbox} that makes rules finish: a consequence or function must return to the
 * engine, so no unbounded loops, no recursion among functions, and no anonymous classes (whose methods could
 * hide either, and whose finalizers run outside every limit). What still computes for long is bounded at run
 * time by {@link RuleEvaluator}'s time limit.
 */
final class DrlTermination {
    /** The highest literal bound of a counting for loop (see {@link #loops}). */
    static final int MAX_LOOP_BOUND = 1000;

    private DrlTermination() {
    }

    /** Functions that call themselves, directly or through other functions of the same package. */
    static List<CompileMessage> recursion(Map<String, Function> functions) {
        Map<String, Set<String>> calls = new HashMap<>();
        functions.forEach((name, f) -> calls.put(name, callees(f.body(), functions.keySet())));
        List<CompileMessage> out = new ArrayList<>();
        for (Function f : functions.values()) {
            if (reaches(f.name(), f.name(), calls, new HashSet<>())) {
                out.add(new CompileMessage(f.obligationId(), "ERROR", f.line(), 0, "line " + f.line() + ": function "
                        + f.name() + " is recursive (it calls itself, directly or through another function): "
                        + "recursion is not allowed in rules"));
            }
        }
        return out;
    }

    private static Set<String> callees(List<Token> body, Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < body.size(); i++) {
            Token t = body.get(i);
            if (t.kind() == Kind.IDENT && names.contains(t.text()) && body.get(i + 1).is("(")
                    && (i == 0 || !body.get(i - 1).is("."))) {
                out.add(t.text());
            }
        }
        return out;
    }

    private static boolean reaches(String from, String target, Map<String, Set<String>> calls, Set<String> seen) {
        for (String next : calls.getOrDefault(from, Set.of())) {
            if (next.equals(target) || seen.add(next) && reaches(next, target, calls, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code new Object() { … }}: an anonymous class could override {@code finalize} (run later, on the JVM's
     * finalizer thread, outside every limit) or hide recursion in its methods.
     */
    static void anonymousClass(List<Token> ts, int i, Report r) {
        if (!ts.get(i).is("new")) {
            return;
        }
        int k = i + 1;
        while (k < ts.size() && (ts.get(k).kind() == Kind.IDENT || ts.get(k).is("."))) {
            k++;
        }
        if (k < ts.size() && ts.get(k).is("<")) {
            for (int depth = 0; k < ts.size(); k++) {
                depth += ts.get(k).is("<") ? 1 : ts.get(k).is(">") ? -1 : 0;
                if (depth == 0) {
                    k++;
                    break;
                }
            }
        }
        if (k < ts.size() && ts.get(k).is("(")) {
            int close = matching(ts, k);
            if (close + 1 < ts.size() && ts.get(close + 1).is("{")) {
                r.add(ts.get(i), "anonymous", "anonymous classes are not allowed in rules");
            }
        }
    }

    /**
     * A consequence must return to the engine, so no {@code while} and no {@code do}; {@code for} only over a
     * collection ({@code for (X x : list)}, which ends with the collection) or counting from a literal to a
     * literal of at most {@link #MAX_LOOP_BOUND} with a counter the body never assigns — the two forms the
     * shipped rules use. ({@code do[name]} is DRL's named consequence, not a loop.)
     */
    static void loops(List<Token> ts, int i, Report r) {
        Token t = ts.get(i);
        Token next = i + 1 < ts.size() ? ts.get(i + 1) : null;
        boolean loop = t.is("while") || t.is("do") && (next == null || !next.is("["));
        if (t.is("for") && next != null && next.is("(")) {
            int close = matching(ts, i + 1);
            List<Token> header = ts.subList(i + 1, close + 1);
            boolean counting = header.stream().anyMatch(u -> u.is(";"));
            loop = counting && !boundedCount(header, ts.subList(close + 1, endOfStatement(ts, close + 1)));
        }
        if (loop) {
            r.add(t, t.text(), t.text() + " loops are not allowed in rules: a rule must finish; iterate over "
                    + "a collection with for (X x : collection), or count with for (int i = 0; i < 10; i++)");
        }
    }

    /** {@code (int i = 0; i < 6; i++)} with literal bounds, and a body that never assigns {@code i}. */
    private static boolean boundedCount(List<Token> header, List<Token> body) {
        String shape = header.stream().map(u -> u.kind() == Kind.PUNCT || u.is("int") ? u.text()
                : u.kind() == Kind.NUMBER ? "N" : "V").reduce("", String::concat);
        if (!shape.matches("\\(intV=N;V<=?N;V\\+\\+\\)")) {
            return false;
        }
        String counter = header.get(2).text();
        if (!header.get(6).is(counter) || !header.get(header.size() - 4).is(counter)) {
            return false;
        }
        long bound;
        try {
            bound = Long.parseLong(header.get(header.get(8).is("=") ? 9 : 8).text().replace("_", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        for (int k = 0; k < body.size(); k++) {
            if (body.get(k).is(counter) && assigns(body, k)) {
                return false;
            }
        }
        return bound <= MAX_LOOP_BOUND;
    }

    /** Whether the identifier at {@code k} is assigned: {@code i = }, {@code i += }, {@code i++}, {@code --i} … */
    private static boolean assigns(List<Token> ts, int k) {
        Token a = k + 1 < ts.size() ? ts.get(k + 1) : null;
        Token b = k + 2 < ts.size() ? ts.get(k + 2) : null;
        Token p = k > 0 ? ts.get(k - 1) : null;
        Token pp = k > 1 ? ts.get(k - 2) : null;
        boolean incDec = a != null && b != null && (a.is("+") && b.is("+") || a.is("-") && b.is("-"))
                || p != null && pp != null && (p.is("+") && pp.is("+") || p.is("-") && pp.is("-"));
        Token c = k + 3 < ts.size() ? ts.get(k + 3) : null;
        boolean assignment = a != null && a.is("=") && (b == null || !b.is("="))
                || a != null && b != null && "+-*/%&|^".contains(a.text()) && b.is("=")
                || a != null && b != null && c != null && (a.is("<") && b.is("<") || a.is(">") && b.is(">")) && c.is("=");
        return incDec || assignment;
    }

    /** The index of the bracket that closes the one at {@code open}. */
    private static int matching(List<Token> ts, int open) {
        int depth = 0;
        for (int k = open; k < ts.size(); k++) {
            depth += ts.get(k).is("(") || ts.get(k).is("{") ? 1 : ts.get(k).is(")") || ts.get(k).is("}") ? -1 : 0;
            if (depth == 0) {
                return k;
            }
        }
        return ts.size() - 1;
    }

    /** The end (exclusive) of the statement starting at {@code k}: a block, or up to its semicolon. */
    private static int endOfStatement(List<Token> ts, int k) {
        if (k < ts.size() && ts.get(k).is("{")) {
            return matching(ts, k) + 1;
        }
        int depth = 0;
        for (int j = k; j < ts.size(); j++) {
            Token u = ts.get(j);
            depth += u.is("(") || u.is("{") ? 1 : u.is(")") || u.is("}") ? -1 : 0;
            if (depth <= 0 && u.is(";")) {
                return j + 1;
            }
        }
        return ts.size();
    }
}
