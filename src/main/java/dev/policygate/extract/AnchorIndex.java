package dev.policygate.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The anchors of every {@link Rx} (the literals one of which each match contains) in one Aho–Corasick automaton, so
 * that a single pass over a text tells which of them it contains, for all patterns at once. Inside an extraction
 * ({@link #open()}) the answer is remembered per string: the 22 extractors test hundreds of patterns on the same
 * sentence strings, and each pattern's pre-check is then a few bit tests instead of a pass of its own over the text.
 */
final class AnchorIndex {
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final List<String> ANCHORS = new ArrayList<>();
    /** built for the anchors registered so far; rebuilt when a pattern registers new ones (class loading) */
    private static volatile Automaton automaton = new Automaton(List.of());
    private static volatile int registered;
    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    private AnchorIndex() {
    }

    /** The ids of {@code anchors}, registering the new ones. */
    static synchronized int[] register(java.util.Collection<String> anchors) {
        int[] out = new int[anchors.size()];
        int i = 0;
        for (String anchor : anchors) {
            out[i++] = IDS.computeIfAbsent(anchor, a -> {
                ANCHORS.add(a);
                return ANCHORS.size() - 1;
            });
        }
        registered = ANCHORS.size();
        return out;
    }

    /** The anchors registered so far, in the order of their ids. */
    static synchronized List<String> registered() {
        return List.copyOf(ANCHORS);
    }

    /** Bit {@code id} set when the text contains anchor {@code id}; remembered for the string inside a scope. */
    static long[] present(String text) {
        Automaton a = current();
        Scope scope = SCOPE.get();
        if (scope == null) {
            return a.scan(text);
        }
        if (scope.automaton != a) {
            scope.seen.clear();
            scope.last = null;
            scope.automaton = a;
        }
        if (text == scope.last) {
            return scope.lastBits; // an extractor tests its patterns one after the other on the same sentence
        }
        long[] bits = scope.seen.get(text);
        if (bits == null) {
            bits = a.scan(text);
            scope.seen.put(text, bits);
        }
        scope.last = text;
        scope.lastBits = bits;
        return bits;
    }

    private static Automaton current() {
        Automaton a = automaton;
        if (a.size == registered) {
            return a;
        }
        synchronized (AnchorIndex.class) {
            if (automaton.size != ANCHORS.size()) {
                automaton = new Automaton(List.copyOf(ANCHORS));
            }
            return automaton;
        }
    }

    /**
     * Remembers what {@link #present} finds in each string until closed: one extraction of one document, on this
     * thread (the strings it holds live as long as the document does).
     */
    static Scope open() {
        Scope scope = new Scope(SCOPE.get());
        SCOPE.set(scope);
        return scope;
    }

    static final class Scope implements AutoCloseable {
        private final Scope outer;
        private final HashMap<String, long[]> seen = new HashMap<>(1024);
        private Automaton automaton;
        private String last;
        private long[] lastBits;

        private Scope(Scope outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                SCOPE.remove();
            } else {
                SCOPE.set(outer);
            }
        }
    }

    /** The trie of the anchors with failure links; transitions in one open-addressed table keyed by (node, char). */
    private static final class Automaton {
        final int size;
        private final int words;
        private final long[] keys;
        private final int[] targets;
        private final int mask;
        private final int[] fail;
        private final int[][] out;

        Automaton(List<String> anchors) {
            size = anchors.size();
            words = (size + 63) >>> 6;
            int chars = anchors.stream().mapToInt(String::length).sum();
            int capacity = Integer.highestOneBit(Math.max(16, chars * 2)) << 1;
            keys = new long[capacity];
            Arrays.fill(keys, -1L);
            targets = new int[capacity];
            mask = capacity - 1;
            List<List<Integer>> own = new ArrayList<>();
            own.add(null);
            List<int[]> children = new ArrayList<>(); // (parent, char) of each node, to walk the trie breadth-first
            children.add(null);
            for (int id = 0; id < size; id++) {
                String a = anchors.get(id);
                int node = 0;
                for (int i = 0; i < a.length(); i++) {
                    int next = next(node, a.charAt(i));
                    if (next < 0) {
                        next = own.size();
                        own.add(null);
                        children.add(new int[] {node, a.charAt(i)});
                        put(node, a.charAt(i), next);
                    }
                    node = next;
                }
                if (own.get(node) == null) {
                    own.set(node, new ArrayList<>());
                }
                own.get(node).add(id);
            }
            int nodes = own.size();
            fail = new int[nodes];
            out = new int[nodes][];
            // nodes were numbered as they were made, so a node's parent has a smaller number, but a shorter path is
            // not guaranteed one: order them by depth for the failure links
            int[] depth = new int[nodes];
            List<List<Integer>> byDepth = new ArrayList<>();
            for (int n = 1; n < nodes; n++) {
                depth[n] = depth[children.get(n)[0]] + 1;
                while (byDepth.size() <= depth[n]) {
                    byDepth.add(new ArrayList<>());
                }
                byDepth.get(depth[n]).add(n);
            }
            for (int n : byDepth.stream().flatMap(List::stream).toList()) {
                int parent = children.get(n)[0];
                char c = (char) children.get(n)[1];
                int f = parent == 0 ? 0 : step(fail[parent], c); // the longest proper suffix that is in the trie
                fail[n] = f;
                int[] inherited = out[f];
                List<Integer> mine = own.get(n);
                if (mine == null) {
                    out[n] = inherited;
                } else {
                    int[] o = new int[mine.size() + (inherited == null ? 0 : inherited.length)];
                    for (int i = 0; i < mine.size(); i++) {
                        o[i] = mine.get(i);
                    }
                    if (inherited != null) {
                        System.arraycopy(inherited, 0, o, mine.size(), inherited.length);
                    }
                    out[n] = o;
                }
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        private void put(int node, char c, int target) {
            long key = (long) node << 16 | c;
            int i = slot(key, mask);
            while (keys[i] != -1L) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            targets[i] = target;
        }

        private int next(int node, char c) {
            long key = (long) node << 16 | c;
            int i = slot(key, mask);
            long k;
            while ((k = keys[i]) != -1L) {
                if (k == key) {
                    return targets[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        /** The state after reading {@code c} in {@code state}: its child, or its failure links' first one. */
        private int step(int state, char c) {
            while (true) {
                int next = next(state, c);
                if (next >= 0) {
                    return next;
                }
                if (state == 0) {
                    return 0;
                }
                state = fail[state];
            }
        }

        long[] scan(String s) {
            long[] bits = new long[words];
            int state = 0;
            for (int i = 0, n = s.length(); i < n; i++) {
                state = step(state, s.charAt(i));
                int[] o = out[state];
                if (o != null) {
                    for (int id : o) {
                        bits[id >>> 6] |= 1L << id;
                    }
                }
            }
            return bits;
        }
    }
}
