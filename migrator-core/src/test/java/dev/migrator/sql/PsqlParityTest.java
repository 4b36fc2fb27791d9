package dev.migrator.sql;

import dev.migrator.internal.sql.PostgresSplitter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.Corpora;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds {@link PostgresSplitter} to what psql really does: psql runs the same scripts with
 * {@code -L}, which logs every query it sends, and the lists must be equal. For pagila, the schema
 * built statement by statement over JDBC must also dump the same as the one psql built.
 */
class PsqlParityTest {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*$");
    private static final String QUERY_START = "********* QUERY **********";
    private static final String QUERY_END = "**************************";

    /** The file line of pagila's last statement ({@code grep -n}). */
    private static final int LAST_LINE = 2892;

    @TempDir
    Path dir;

    @Test
    void pagilaSplitsIntoExactlyTheStatementsPsqlSends() throws Exception {
        Path pagila = Corpora.file("pagila/pagila-schema.sql");
        String script = Files.readString(pagila, StandardCharsets.UTF_8);
        List<SqlStatement> split = new PostgresSplitter().split(script, 1);
        try (TestDatabase viaPsql = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            List<String> sent = psql(viaPsql, pagila, true);
            assertThat(sent).hasSize(377);
            assertSame(split, sent);
        }
        assertThat(split.get(0)).isEqualTo(new SqlStatement("SET statement_timeout = 0", 8));
        assertThat(split.get(split.size() - 1)).isEqualTo(new SqlStatement("GRANT ALL ON SCHEMA public TO PUBLIC", LAST_LINE));
        List<String> lines = script.lines().toList();
        for (SqlStatement statement : split) {
            assertThat(lines.get(statement.line() - 1)).as("line " + statement.line())
                    .startsWith(statement.sql().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void pagilaRunStatementByStatementOverJdbcDumpsTheSameAsWithPsql() throws Exception {
        Path pagila = Corpora.file("pagila/pagila-schema.sql");
        List<SqlStatement> split = new PostgresSplitter().split(Files.readString(pagila, StandardCharsets.UTF_8), 1);
        try (TestDatabase viaJdbc = TestDatabase.create(DatabaseKind.POSTGRESQL);
                TestDatabase viaPsql = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            try (Connection c = viaJdbc.connect(); Statement st = c.createStatement()) {
                for (SqlStatement statement : split) {
                    try {
                        st.execute(statement.sql());
                    } catch (SQLException e) {
                        throw new AssertionError("Statement at line " + statement.line() + " failed: " + e.getMessage(), e);
                    }
                }
            }
            psql(viaPsql, pagila, true);
            String jdbcDump = schemaDump(viaJdbc);
            assertThat(jdbcDump).contains("CREATE TABLE public.film (", "CREATE FUNCTION public.last_day(");
            assertThat(jdbcDump).isEqualTo(schemaDump(viaPsql));
        }
    }

    /** Scripts with the corner cases of psqlscan.l; psql need not succeed in running them, only split them. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/* lead */ -- x\n-- y\nSELECT (1; SELECT 2);\nSELECT 3",
        "SELECT 'a;b', E'c\\';d', $$x;y$$, $f$ $$; $f$, $1;\nSELECT 'a\\'; SELECT name'a\\';",
        "CREATE FUNCTION f1() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END;\n"
                + "SELECT 2;",
        "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END; SELECT 2;",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN CASE WHEN true THEN 1 END; SELECT 2;",
        "BEGIN; CREATE TABLE begin (a int); END; CREATE TABLE f (a int); BEGIN; SELECT 1; COMMIT;",
        "SELECT 1; CREATE FUNCTION f(\"begin\" int, begin int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; SELECT 2;",
        "SELECT 3 /* nested /* c; */ ; */; SELECT a$$b; SELECT c$x$; SELECT $1$; SELECT 5",
        "SELECT U&'d;' , u&\"e;\" ; SELECT B'1;', X'f;', N'n;'; SELECT 1 AS \"a;\"\"b\";",
        "SELECT 4 -- trailing\n;\nSELECT 1); SELECT 'x\ny';\n/* c\n d */ SELECT 6",
        "SELECT $a$ $A$; $b$; $a$; SELECT 2; DO $fn$ BEGIN PERFORM 1; END $fn$;",
        "SELECT 1; SELECT 'oops;\nSELECT 3;",
        "SELECT 1; DO $x$ BEGIN; END $$;\n",
        "SELECT 1; SELECT 2 /* /* */ ;",
        "SELECT 1; CREATE FUNCTION f() LANGUAGE sql BEGIN ATOMIC SELECT 1;",
    })
    void splitsLikePsql(String script) throws Exception {
        Path file = dir.resolve("script.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            assertSame(new PostgresSplitter().split(script, 1), psql(db, file, false));
        }
    }

    /**
     * psql sends the terminating semicolon and any white space before it, the splitter leaves them
     * out; nothing else may differ.
     */
    private static void assertSame(List<SqlStatement> split, List<String> sent) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            String query = sent.get(i);
            boolean withoutSemicolon = i < split.size() && split.get(i).sql().equals(query);
            expected.add(withoutSemicolon || !query.endsWith(";") ? query
                    : query.substring(0, query.length() - 1).stripTrailing());
        }
        assertThat(split).extracting(SqlStatement::sql).containsExactlyElementsOf(expected);
    }

    /** Runs {@code script} with psql into {@code db}; the queries psql sent, from its {@code -L} log. */
    private List<String> psql(TestDatabase db, Path script, boolean stopOnError) throws Exception {
        Path log = Files.createTempFile(dir, "psql", ".log");
        Path out = Files.createTempFile(dir, "psql", ".out");
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-L", log.toString(), "-f", script.toString()));
        command.addAll(connection(db));
        if (stopOnError) {
            command.addAll(List.of("-v", "ON_ERROR_STOP=1"));
        }
        int exit = run(command, db, out);
        if (stopOnError) {
            assertThat(exit).as("psql: " + Files.readString(out)).isZero();
        }
        List<String> queries = new ArrayList<>();
        StringBuilder query = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (query == null && line.equals(QUERY_START)) {
                query = new StringBuilder();
            } else if (query != null && line.equals(QUERY_END)) {
                queries.add(query.substring(0, Math.max(0, query.length() - 1)));
                query = null;
            } else if (query != null) {
                query.append(line).append('\n');
            }
        }
        return queries;
    }

    private String schemaDump(TestDatabase db) throws Exception {
        Path out = Files.createTempFile(dir, "dump", ".sql");
        List<String> command = new ArrayList<>(List.of("pg_dump", "--schema-only", "-f", out.toString()));
        command.addAll(connection(db));
        assertThat(run(command, db, out)).as("pg_dump").isZero();
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            // pg_dump's header names versions, and since 15.14 it fences the dump with a random key
            if (!line.startsWith("-- Dumped ") && !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict ")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }

    private static List<String> connection(TestDatabase db) {
        Matcher m = HOST_PORT.matcher(db.url());
        assertThat(m.matches()).as("PostgreSQL URL " + db.url()).isTrue();
        return List.of("-h", m.group(1), "-p", m.group(2) == null ? "5432" : m.group(2), "-U", db.user(), "-d", db.name());
    }

    private static int run(List<String> command, TestDatabase db, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (command.get(0).equals("psql")) {
            builder.redirectOutput(output.toFile());
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        builder.environment().put("PGPASSWORD", db.password());
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within 2 minutes");
        }
        return process.exitValue();
    }
}
