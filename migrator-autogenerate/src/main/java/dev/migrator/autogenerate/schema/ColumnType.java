package dev.migrator.autogenerate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's type as spelled (to render it) and by meaning (to compare it): {@code int4},
 * {@code integer} and MariaDB's {@code int(11)} are one type; {@code varchar(255)} and
 * {@code character varying(255)} are one type; {@code varchar(100)} is another.
 *
 * @param spelling the type as the model or the catalog writes it
 * @param base the canonical name ({@code integer}, {@code varchar}, {@code timestamp}, ...)
 * @param arguments length, or precision and scale, where they matter
 * @param values the values of an {@code enum(...)} type (MariaDB's, H2's: Hibernate maps an enum
 *     held as text so there), in order and as spelled
 */
public record ColumnType(String spelling, String base, List<Integer> arguments, List<String> values) {

    private static final Pattern ARGUMENTS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("mediumint", "integer"), Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"), Map.entry("tinyint", "tinyint"),
            Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"),
            Map.entry("varchar2", "varchar"), Map.entry("nvarchar", "varchar"),
            Map.entry("char", "char"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("float8", "double"), Map.entry("double", "double"), Map.entry("double precision", "double"),
            Map.entry("float4", "real"), Map.entry("real", "real"),
            Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("datetime", "timestamp"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time", "time"), Map.entry("time without time zone", "time"),
            Map.entry("timetz", "timetz"), Map.entry("time with time zone", "timetz"),
            Map.entry("character large object", "clob"), Map.entry("clob", "clob"),
            Map.entry("binary large object", "blob"), Map.entry("blob", "blob"),
            Map.entry("binary varying", "varbinary"), Map.entry("varbinary", "varbinary"),
            Map.entry("bytea", "bytea"), Map.entry("text", "text"), Map.entry("date", "date"),
            Map.entry("uuid", "uuid"), Map.entry("bit", "bit"));

    /** Types whose arguments are a display width or absent: only the name counts. */
    private static final Set<String> NO_ARGUMENTS = Set.of("integer", "bigint", "smallint", "tinyint", "boolean",
            "double", "real", "date", "text", "uuid", "bytea", "clob", "blob");

    private static final Pattern ENUM = Pattern.compile("(?is)enum\\s*\\((.*)\\)");
    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

    public ColumnType {
        arguments = List.copyOf(arguments);
        values = List.copyOf(values);
    }

    /** Reads a type as a model or catalog spells it. */
    public static ColumnType parse(String spelling) {
        Matcher enumType = ENUM.matcher(spelling.trim());
        if (enumType.matches()) {
            List<String> values = new ArrayList<>();
            Matcher value = ENUM_VALUE.matcher(enumType.group(1));
            while (value.find()) {
                values.add(value.group(1).replace("''", "'"));
            }
            return new ColumnType(spelling.trim(), "enum", List.of(), values);
        }
        String text = spelling.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<Integer> arguments = new ArrayList<>();
        Matcher matcher = ARGUMENTS.matcher(text);
        if (matcher.find()) {
            arguments.add(Integer.parseInt(matcher.group(1)));
            if (matcher.group(2) != null) {
                arguments.add(Integer.parseInt(matcher.group(2)));
            }
            text = (text.substring(0, matcher.start()) + text.substring(matcher.end())).replaceAll("\\s+", " ").trim();
        }
        text = text.replace(" unsigned", "").trim();
        if (text.equals("float")) {
            // float(p): up to 24 bits of precision is a real, more a double, as PostgreSQL reads it
            text = !arguments.isEmpty() && arguments.get(0) <= 24 ? "real" : "double";
        }
        String base = SYNONYMS.getOrDefault(text, text);
        if (base.equals("tinyint") && arguments.equals(List.of(1))) {
            base = "boolean"; // MySQL's spelling of boolean
        }
        if (base.equals("bit") && (arguments.isEmpty() || arguments.equals(List.of(1)))) {
            arguments = List.of(1);
        }
        if (NO_ARGUMENTS.contains(base)) {
            arguments = List.of();
        }
        return new ColumnType(spelling.trim(), base, arguments, List.of());
    }

    /**
     * Whether both mean the same type: the same name, and the same arguments where both give them
     * (a catalog leaves out a default it applied, such as PostgreSQL's timestamp precision).
     */
    public boolean sameAs(ColumnType other) {
        if (!base.equals(other.base)) {
            return false;
        }
        if (!values.isEmpty() && !other.values.isEmpty() && !values.equals(other.values)) {
            return false;
        }
        return arguments.isEmpty() || other.arguments.isEmpty() || arguments.equals(other.arguments);
    }

    @Override
    public String toString() {
        return spelling;
    }
}
