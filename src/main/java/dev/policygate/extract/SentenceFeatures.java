package dev.policygate.extract;

import java.util.Arrays;

/**
 * The features the sentence classifier sees, each a {@code long} key (no strings are built): character
 * uni-, bi- and trigrams of the sentence, with a start marker, and character bigrams of its innermost and
 * outermost headings (a sentence under "三、我们如何共享您的信息" is likely about sharing). Digits fold to 0 and
 * ASCII letters to lower case. With the previous sentence, its character bigrams too. A feature's value is
 * {@code 1/sqrt(g)}, g being the number of keys generated (with repeats, see {@link #generated}), so a
 * classifier needs no sorting: it adds each distinct key's weight once. {@link #keys} returns the distinct keys
 * sorted (for training).
 */
public final class SentenceFeatures {
    private static final long TEXT1 = 1L << 48;
    private static final long TEXT2 = 2L << 48;
    private static final long TEXT3 = 3L << 48;
    private static final long INNER_HEADING = 4L << 48;
    private static final long OUTER_HEADING = 5L << 48;
    private static final long PREVIOUS = 6L << 48;
    private static final char START = '\u0002';
    private static final String PATH_SEPARATOR = " > ";

    private long[] buffer = new long[512];
    private int size;
    private int generated;

    /**
     * The distinct feature keys of {@code text[start, end)} under the heading path {@code section}, sorted; valid
     * until the next call (the array is reused: one instance per thread).
     */
    public long[] keys(String text, int start, int end, String section) {
        return keys(text, start, end, section, 0, 0);
    }

    /**
     * As {@link #keys(String, int, int, String)}, with the character bigrams of the sentence before it,
     * {@code text[prevStart, prevEnd)} (empty for the first): an item of a list reads differently after
     * "我们会收集以下信息：" than after "您可以通过以下方式联系我们：".
     */
    public long[] keys(String text, int start, int end, String section, int prevStart, int prevEnd) {
        collect(text, start, end, section, prevStart, prevEnd);
        Arrays.sort(buffer, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || buffer[i] != buffer[i - 1]) {
                buffer[distinct++] = buffer[i];
            }
        }
        size = distinct;
        return buffer;
    }

    /**
     * Generates the keys, repeats included and unsorted, into the buffer it returns ({@link #size()} of them;
     * valid until the next call).
     */
    public long[] collect(String text, int start, int end, String section, int prevStart, int prevEnd) {
        size = 0;
        headingBigrams(text, prevStart, prevEnd, PREVIOUS);
        char p2 = 0;
        char p1 = START;
        for (int i = start; i < end; i++) {
            char c = fold(text.charAt(i));
            add(TEXT1 | c);
            add(TEXT2 | ((long) p1 << 16) | c);
            if (p2 != 0) {
                add(TEXT3 | ((long) p2 << 32) | ((long) p1 << 16) | c);
            }
            p2 = p1;
            p1 = c;
        }
        if (section != null && !section.isEmpty()) {
            int innerFrom = section.lastIndexOf(PATH_SEPARATOR);
            innerFrom = innerFrom < 0 ? 0 : innerFrom + PATH_SEPARATOR.length();
            headingBigrams(section, innerFrom, section.length(), INNER_HEADING);
            int outerTo = section.indexOf(PATH_SEPARATOR);
            headingBigrams(section, 0, outerTo < 0 ? section.length() : outerTo, OUTER_HEADING);
        }
        generated = size;
        return buffer;
    }

    /** How many keys the last call returned. */
    public int size() {
        return size;
    }

    /** How many keys the last call generated, repeats included: what a feature's value is scaled by. */
    public int generated() {
        return generated;
    }

    private void headingBigrams(String s, int from, int to, long tag) {
        char p = START;
        for (int i = from; i < to; i++) {
            char c = fold(s.charAt(i));
            add(tag | ((long) p << 16) | c);
            p = c;
        }
    }

    private void add(long key) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, size * 2);
        }
        buffer[size++] = key;
    }

    static char fold(char c) {
        if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
            return '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c;
    }
}
