package dev.migrator.autogenerate.schema;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Server defaults compared by meaning, roughly: catalogs give back a default in their own words
 * ({@code 'x'::character varying} on PostgreSQL, {@code NULL} for none on MariaDB), so casts,
 * enclosing parentheses and case are set aside. Expressions beyond that are compared as text.
 */
public final class Defaults {

    private Defaults() {
    }

    public static boolean same(@Nullable String a, @Nullable String b) {
        return java.util.Objects.equals(normalize(a), normalize(b));
    }

    static @Nullable String normalize(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        String before;
        do {
            before = text;
            text = text.replaceAll("::[a-zA-Z_ ]+(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?$", "").trim();
            if (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
                text = text.substring(1, text.length() - 1).trim();
            }
        } while (!text.equals(before));
        if (text.isEmpty() || text.equalsIgnoreCase("null")) {
            return null;
        }
        if (text.matches("'-?\\d+(\\.\\d+)?'")) {
            text = text.substring(1, text.length() - 1); // a number quoted by its catalog
        }
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString(); // 0.00 is 0
        }
        return text.startsWith("'") ? text : text.toLowerCase(Locale.ROOT);
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
