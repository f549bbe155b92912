package dev.policygate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL (or the Java/MVEL code inside it) into identifier and punctuation tokens, skipping what can hold no
 * code: string, text-block and character literals and comments ({@code //}, {@code /* *}{@code /}, and DRL's
 * {@code #} line comments). A literal that is not closed runs to the end of the text:
 * the compiler rejects such DRL anyway.
 */
final class DrlTokens {
    /** One identifier, number or punctuation character, with its 1-based line and column. */
    record Token(Kind kind, String text, int line, int column) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    enum Kind { IDENT, NUMBER, PUNCT }

    private DrlTokens() {
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0, line = 1, lineStart = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i, c);
            } else if (s.startsWith("//", i) || c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), line, start - lineStart + 1));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), line, start - lineStart + 1));
            } else {
                if (!Character.isWhitespace(c)) {
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), line, start - lineStart + 1));
                }
                i++;
            }
            for (int k = start; k < i; k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                    lineStart = k + 1;
                }
            }
        }
        return out;
    }

    /**
     * The index after the literal that starts at {@code i} with {@code quote}. A line break ends it too (Java
     * rejects that): whatever follows is scanned as code, so a malformed literal can never hide code.
     */
    private static int endOfLiteral(String s, int i, char quote) {
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return s.length();
    }
}
