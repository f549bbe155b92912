package dev.policygate.extract;

/** Parses small numbers written in Arabic digits or Chinese numerals (十五, 三十, 两, 二十一, 1５). */
public final class ChineseNumbers {
    private ChineseNumbers() {
    }

    /** The value of {@code s}, or -1 when it is not a number this class understands. */
    public static int parse(String s) {
        if (s == null) {
            return -1;
        }
        s = s.strip();
        if (s.isEmpty()) {
            return -1;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            } else {
                digits.setLength(0);
                break;
            }
        }
        if (digits.length() == s.length()) {
            return digits.length() > 6 ? -1 : Integer.parseInt(digits.toString());
        }
        int total = 0;
        int current = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                current = d;
                any = true;
            } else if (c == '十' || c == '拾') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
                any = true;
            } else if (c == '百' || c == '佰') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
                any = true;
            } else {
                return -1;
            }
        }
        return any ? total + current : -1;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    /** Regex fragment for a number in digits or Chinese numerals. */
    public static final String NUMBER = "[0-9０-９]{1,3}|[零〇一二两三四五六七八九十百]{1,4}";
}
