package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Small helpers shared by the extract-a area extractors (dates, consent, contacts, rights, minors …). */
final class ClauseScan {
    private ClauseScan() {
    }

    /** A numbered line that reads as a heading: 一、 / （一） / 1. / 1、 / (1) and no sentence end. */
    static final Pattern NUMBERED_HEADING = Pattern.compile(
            "^\\s*(?:第[一二三四五六七八九十]+[章节条部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}(?:\\.[0-9]{1,2})*[、.．]?(?![0-9]))\\s*\\S.*$");

    /** Words that make a sentence about the policy document itself. */
    static final Pattern POLICY_WORD = Pattern.compile(
            "本(?:隐私|个人信息保护|个人信息处理)?(?:政策|指引|声明|规则|条款|协议)|隐私(?:权)?(?:政策|保护政策|保护指引|声明|条款)|个人信息(?:保护|处理)(?:政策|规则|指引)|本《");

    /** Per-document memo of the contacts and in-app paths of each sentence (several areas read them). */
    private static final ThreadLocal<Object[]> MEMO = new ThreadLocal<>();

    @SuppressWarnings("unchecked")
    private static Object[] memo(Document d) {
        Object[] m = MEMO.get();
        if (m == null || m[0] != d) {
            int n = d.sentences().size();
            m = new Object[] {d, new java.util.IdentityHashMap<Sentence, Integer>(), new Object[n], new Object[n]};
            java.util.IdentityHashMap<Sentence, Integer> idx = (java.util.IdentityHashMap<Sentence, Integer>) m[1];
            for (int i = 0; i < n; i++) {
                idx.put(d.sentences().get(i), i);
            }
            MEMO.set(m);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static List<ContactExtractor.Found> contacts(Document d, Sentence s) {
        Object[] m = memo(d);
        Integer i = ((java.util.IdentityHashMap<Sentence, Integer>) m[1]).get(s);
        if (i == null) {
            return ContactExtractor.find(text(d, s));
        }
        Object[] arr = (Object[]) m[2];
        if (arr[i] == null) {
            arr[i] = ContactExtractor.find(text(d, s));
        }
        return (List<ContactExtractor.Found>) arr[i];
    }

    private static final Object NONE = new Object();

    @SuppressWarnings("unchecked")
    static InAppPath.Found path(Document d, Sentence s) {
        Object[] m = memo(d);
        Integer i = ((java.util.IdentityHashMap<Sentence, Integer>) m[1]).get(s);
        if (i == null) {
            return InAppPath.any(text(d, s));
        }
        Object[] arr = (Object[]) m[3];
        if (arr[i] == null) {
            InAppPath.Found f = InAppPath.any(text(d, s));
            arr[i] = f == null ? NONE : f;
        }
        return arr[i] == NONE ? null : (InAppPath.Found) arr[i];
    }

    static String text(Document d, Sentence s) {
        return d.normalizedText().substring(s.start(), s.end());
    }

    /** Whether the sentence is a short heading-like line (its own line, numbered or short, no sentence end). */
    static boolean isHeadingLine(Document d, Sentence s) {
        String t = text(d, s).strip();
        if (t.isEmpty() || t.length() > 32) {
            return false;
        }
        String text = d.normalizedText();
        boolean lineStart = s.start() == 0 || text.charAt(s.start() - 1) == '\n';
        boolean lineEnd = s.end() >= text.length() || text.charAt(s.end()) == '\n';
        if (!lineStart || !lineEnd) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        int colon = Math.max(t.indexOf('：'), t.indexOf(':'));
        if (colon >= 0 && colon < t.length() - 1 || t.contains("@")) {
            return false;
        }
        if ("。；;，,！!".indexOf(last) >= 0) {
            return false;
        }
        return NUMBERED_HEADING.matcher(t).matches() || t.length() <= 16;
    }

    /** Accumulates citations per key in first-seen order, without duplicates. */
    static final class Grouped<K> {
        private final Map<K, List<Citation>> map = new LinkedHashMap<>();

        void add(K key, Citation c) {
            List<Citation> l = map.computeIfAbsent(key, k -> new ArrayList<>());
            if (!l.contains(c)) {
                l.add(c);
            }
        }

        boolean contains(K key) {
            return map.containsKey(key);
        }

        <F> List<F> build(java.util.function.BiFunction<K, List<Citation>, F> f) {
            List<F> out = new ArrayList<>();
            map.forEach((k, v) -> out.add(f.apply(k, List.copyOf(v))));
            return out;
        }

        Map<K, List<Citation>> map() {
            return map;
        }
    }

    static <T> List<T> distinct(List<T> in, Function<T, Object> key) {
        Map<Object, T> m = new LinkedHashMap<>();
        for (T t : in) {
            m.putIfAbsent(key.apply(t), t);
        }
        return new ArrayList<>(m.values());
    }
}
