package dev.migrator.autogenerate.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check conditions compared by meaning as far as the databases rewrite them: Hibernate writes
 * {@code sex in ('FEMALE','MALE')} and {@code kind between 0 and 2}; PostgreSQL reads them back as
 * {@code ((sex)::text = ANY ((ARRAY['FEMALE'::character varying, ...])::text[]))} and
 * {@code ((kind >= 0) AND (kind <= 2))}, MariaDB with backticks, H2 upper case with double quotes.
 * The normal form drops casts, parentheses, identifier quotes and the case of everything but string
 * literals, turns those two PostgreSQL forms back into {@code in} and {@code between}, and sorts an
 * {@code in} list. Other conditions are compared in that normal form, so a rewrite beyond it shows as
 * a change.
 */
public final class CheckExpressions {

    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^']|'')*'|\"((?:[^\"]|\"\")*)\"|`((?:[^`]|``)*)`|::\\s*(?:character varying|double precision"
                    + "|[A-Za-z_][A-Za-z0-9_]*)(?:\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\[\\])*"
                    + "|[A-Za-z0-9_.$]+|<=|>=|<>|!=|\\S");
    private static final Pattern ANY_ARRAY = Pattern.compile("^(\\S+) = any array (.+)$");
    private static final Pattern RANGE = Pattern.compile("^(\\S+) >= (-?\\d+) and \\1 <= (-?\\d+)$");
    private static final Pattern IN_LIST = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*) in ('.*')$");
    private static final Pattern RANGE_WRITTEN = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]* between -?\\d+ and -?\\d+$");

    private CheckExpressions() {
    }

    public static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    /** The condition's normal form (see the class comment). */
    public static String normal(String expression) {
        String normal = canonical(expression);
        Matcher in = IN_LIST.matcher(normal);
        if (in.matches()) {
            String[] values = in.group(2).split(" , ");
            Arrays.sort(values);
            normal = in.group(1) + " in " + String.join(" , ", values);
        }
        return normal;
    }

    /**
     * The condition as SQL to write: an {@code in} list or a range as Hibernate writes them, whatever
     * the catalog made of them (PostgreSQL reads back its own {@code = ANY (ARRAY[...])} otherwise
     * than it first read Hibernate's {@code in}, so a downgrade would not give the schema back), and
     * any other condition as it was.
     */
    public static String sql(String expression) {
        String canonical = canonical(expression);
        Matcher in = IN_LIST.matcher(canonical);
        if (in.matches()) {
            return in.group(1) + " in (" + in.group(2).replace(" , ", ",") + ")";
        }
        return RANGE_WRITTEN.matcher(canonical).matches() ? canonical : expression;
    }

    private static String canonical(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        while (m.find()) {
            String token = m.group();
            if (token.startsWith("'")) {
                tokens.add(token);
            } else if (m.group(1) != null) {
                tokens.add(m.group(1).toLowerCase(Locale.ROOT));
            } else if (m.group(2) != null) {
                tokens.add(m.group(2).toLowerCase(Locale.ROOT));
            } else if (!token.startsWith("::") && !"()[]".contains(token)) {
                tokens.add(token.toLowerCase(Locale.ROOT));
            }
        }
        String normal = String.join(" ", tokens);
        Matcher any = ANY_ARRAY.matcher(normal);
        if (any.matches()) {
            normal = any.group(1) + " in " + any.group(2);
        }
        Matcher range = RANGE.matcher(normal);
        if (range.matches()) {
            normal = range.group(1) + " between " + range.group(2) + " and " + range.group(3);
        }
        return normal;
    }

    /** Whether both lists hold the same conditions, whatever their order and names. */
    public static boolean sameChecks(List<Schema.Check> a, List<Schema.Check> b) {
        return a.stream().map(c -> normal(c.expression())).sorted().toList()
                .equals(b.stream().map(c -> normal(c.expression())).sorted().toList());
    }
}
