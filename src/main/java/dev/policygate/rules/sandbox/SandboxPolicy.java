package dev.policygate.rules.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow-list of what verified rule code may reach ({@code sandbox/allowed-members.txt}; its header explains the
 * format). Members are judged by their declaring class, which {@link MemberResolver} finds.
 */
public final class SandboxPolicy {
    /** What a reference to a member is: allowed, allowed through a {@link RuleBudget} guard, or rejected. */
    public record Decision(boolean allowed, String guard) {
        static final Decision ALLOW = new Decision(true, null);
        static final Decision DENY = new Decision(false, null);
    }

    private record Entry(String owner, String name, String descriptor, boolean deny, String guard) {
        boolean matchesOwner(String o) {
            return owner.equals("*") || owner.equals(o)
                    || owner.endsWith("/*") && o.startsWith(owner.substring(0, owner.length() - 1))
                            && o.indexOf('/', owner.length() - 1) < 0;
        }

        boolean matchesMember(String n, String d) {
            return (name.equals("*") || name.equals(n)) && (descriptor == null || descriptor.equals(d));
        }
    }

    private static final SandboxPolicy DEFAULT = load("/sandbox/allowed-members.txt");

    private final List<Entry> entries;
    private final Map<String, Boolean> knownTypes = new HashMap<>();

    private SandboxPolicy(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static SandboxPolicy standard() {
        return DEFAULT;
    }

    static SandboxPolicy load(String resource) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = SandboxPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                entries.add(parse(line, resource + ":" + n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SandboxPolicy(entries);
    }

    private static Entry parse(String line, String where) {
        String guard = null;
        if (line.startsWith("guard ")) {
            int arrow = line.indexOf("->");
            if (arrow < 0) {
                throw new IllegalStateException(where + ": a guard needs '-> NAME'");
            }
            guard = line.substring(arrow + 2).strip();
            line = line.substring("guard ".length(), arrow).strip();
        }
        boolean deny = line.startsWith("!");
        String[] p = (deny ? line.substring(1) : line).strip().split("\\s+");
        if (p.length < 2 || p.length > 3 || guard != null && p.length != 3) {
            throw new IllegalStateException(where + ": expected OWNER NAME [DESCRIPTOR]: " + line);
        }
        return new Entry(p[0], p[1], p.length == 3 ? p[2] : null, deny, guard);
    }

    /** Whether rule code may use member {@code name descriptor} declared by {@code owner} (internal names). */
    public Decision decide(String owner, String name, String descriptor) {
        Decision found = Decision.DENY;
        for (Entry e : entries) {
            if (!e.matchesOwner(owner) || !e.matchesMember(name, descriptor)) {
                continue;
            }
            if (e.deny()) {
                return Decision.DENY;
            }
            if (e.guard() != null) {
                found = new Decision(true, e.guard());
            } else if (found.guard() == null) {
                found = Decision.ALLOW;
            }
        }
        return found;
    }

    /** A class that the allow-list names (some of its members may be used), so casts and constants of it are fine. */
    public synchronized boolean knownType(String owner) {
        return knownTypes.computeIfAbsent(owner, o -> entries.stream()
                .anyMatch(e -> !e.deny() && !e.owner().equals("*") && e.matchesOwner(o)));
    }
}
