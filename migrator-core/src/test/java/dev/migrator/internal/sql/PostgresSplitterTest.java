package dev.migrator.internal.sql;

import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.SqlSyntaxException;
import dev.migrator.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSplitterTest {

    private static final StatementSplitter SPLITTER = new PostgresSplitter();

    private static List<String> sqls(String script) {
        return SPLITTER.split(script, 1).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndTrims() {
        assertThat(SPLITTER.split("  SELECT 1;\n\nSELECT 2 ;  SELECT 3", 1)).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 3), new SqlStatement("SELECT 3", 3));
    }

    @Test
    void emptyAndBlankAndCommentOnlyInputGiveNothing() {
        assertThat(sqls("")).isEmpty();
        assertThat(sqls(" \n\t ")).isEmpty();
        assertThat(sqls(";;  ;\n")).isEmpty();
        assertThat(sqls("-- only\n/* comments */ ; -- here\n")).isEmpty();
    }

    @Test
    void singleQuotesWithDoubledQuote() {
        assertThat(sqls("SELECT 'a;''b' ; SELECT ''';'")).containsExactly("SELECT 'a;''b'", "SELECT ''';'");
    }

    @Test
    void backslashIsPlainInStandardStrings() {
        assertThat(sqls("SELECT 'a\\'; SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertThat(sqls("SELECT E'a\\';b'; SELECT e'\\\\'; SELECT 2"))
                .containsExactly("SELECT E'a\\';b'", "SELECT e'\\\\'", "SELECT 2");
        assertThat(sqls("SELECT E'it''s;'; SELECT 2")).containsExactly("SELECT E'it''s;'", "SELECT 2");
    }

    @Test
    void anIdentifierEndingInEIsNotAnEscapeString() {
        assertThat(sqls("SELECT name'a\\'; SELECT 2")).containsExactly("SELECT name'a\\'", "SELECT 2");
    }

    @Test
    void unicodeBitHexAndNationalStrings() {
        assertThat(sqls("SELECT U&'d;\\0061', u&'x;'; SELECT B'1;', X'f;', N'n;'; SELECT 3"))
                .containsExactly("SELECT U&'d;\\0061', u&'x;'", "SELECT B'1;', X'f;', N'n;'", "SELECT 3");
    }

    @Test
    void doubleQuotedIdentifiers() {
        assertThat(sqls("SELECT 1 AS \"a;\"\"b\"; SELECT 1 AS U&\"c;\"; SELECT 3"))
                .containsExactly("SELECT 1 AS \"a;\"\"b\"", "SELECT 1 AS U&\"c;\"", "SELECT 3");
    }

    @Test
    void dollarQuotingWithAndWithoutTag() {
        String fn = """
                CREATE FUNCTION f() RETURNS int AS $$
                BEGIN
                  RETURN 1;
                END;
                $$ LANGUAGE plpgsql;
                CREATE FUNCTION g() RETURNS text AS $body$ SELECT '$$;'; $body$ LANGUAGE sql;
                DO $fn$ BEGIN PERFORM 1; END $fn$;
                """;
        assertThat(sqls(fn)).containsExactly(
                "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql",
                "CREATE FUNCTION g() RETURNS text AS $body$ SELECT '$$;'; $body$ LANGUAGE sql",
                "DO $fn$ BEGIN PERFORM 1; END $fn$");
    }

    @Test
    void dollarTagsAreCaseSensitiveAndOtherTagsInsideDoNotClose() {
        assertThat(sqls("SELECT $a$ $A$; $b$; $a$; SELECT 2")).containsExactly("SELECT $a$ $A$; $b$; $a$", "SELECT 2");
    }

    @Test
    void positionalParametersAreNotTags() {
        assertThat(sqls("PREPARE p AS SELECT $1, $2; SELECT 3")).containsExactly("PREPARE p AS SELECT $1, $2", "SELECT 3");
        assertThat(sqls("SELECT $1$; SELECT 2")).containsExactly("SELECT $1$", "SELECT 2");
    }

    @Test
    void aDollarInsideAnIdentifierStartsNoTag() {
        assertThat(sqls("SELECT a$$b; SELECT c$x$; SELECT 3")).containsExactly("SELECT a$$b", "SELECT c$x$", "SELECT 3");
    }

    @Test
    void nestedBlockComments() {
        assertThat(sqls("SELECT 1 /* a /* b; */ c; */; SELECT 2"))
                .containsExactly("SELECT 1 /* a /* b; */ c; */", "SELECT 2");
    }

    @Test
    void lineCommentsHideSemicolonsAndQuotes() {
        assertThat(sqls("SELECT 1 -- it's; not the end\n, 2; SELECT 3"))
                .containsExactly("SELECT 1 -- it's; not the end\n, 2", "SELECT 3");
    }

    @Test
    void leadingLineCommentsAreDroppedAndALeadingBlockCommentKeptAsPsqlDoes() {
        assertThat(SPLITTER.split("-- about t\n-- more\nCREATE TABLE t (a int);\n/*+ SeqScan(t) */\nSELECT * FROM t;", 5))
                .containsExactly(new SqlStatement("CREATE TABLE t (a int)", 7),
                        new SqlStatement("/*+ SeqScan(t) */\nSELECT * FROM t", 8));
    }

    @Test
    void trailingCommentBeforeTheSemicolonStaysInTheStatement() {
        assertThat(sqls("SELECT 4 -- four\n;")).containsExactly("SELECT 4 -- four");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplitAsInPsql() {
        assertThat(sqls("SELECT (1; SELECT 2); SELECT 3")).containsExactly("SELECT (1; SELECT 2)", "SELECT 3");
        assertThat(sqls("SELECT 1); SELECT 2")).containsExactly("SELECT 1)", "SELECT 2");
    }

    @Test
    void beginAtomicBodiesStayWhole() {
        String script = """
                CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT a + b;
                END;
                CREATE OR REPLACE PROCEDURE ins(x int) LANGUAGE sql BEGIN ATOMIC
                  INSERT INTO t VALUES (x);
                  INSERT INTO t VALUES (CASE WHEN x > 0 THEN x ELSE 0 END);
                  SELECT CASE x WHEN 1 THEN 'one' END;
                END;
                SELECT 1;
                """;
        assertThat(SPLITTER.split(script, 1)).extracting(SqlStatement::line).containsExactly(1, 5, 10);
        assertThat(sqls(script)).containsExactly(
                "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT a + b;\nEND",
                """
                CREATE OR REPLACE PROCEDURE ins(x int) LANGUAGE sql BEGIN ATOMIC
                  INSERT INTO t VALUES (x);
                  INSERT INTO t VALUES (CASE WHEN x > 0 THEN x ELSE 0 END);
                  SELECT CASE x WHEN 1 THEN 'one' END;
                END""",
                "SELECT 1");
    }

    @Test
    void caseOutsideBeginDoesNotCount() {
        String script = "CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN CASE WHEN true THEN 1 END; SELECT 2";
        assertThat(sqls(script)).containsExactly(
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN CASE WHEN true THEN 1 END", "SELECT 2");
    }

    @Test
    void beginAndEndOutsideRoutinesAreOrdinaryWords() {
        assertThat(sqls("BEGIN; CREATE TABLE t (a int); END; COMMIT"))
                .containsExactly("BEGIN", "CREATE TABLE t (a int)", "END", "COMMIT");
        assertThat(sqls("CREATE TABLE begin (a int); SELECT 2")).containsExactly("CREATE TABLE begin (a int)", "SELECT 2");
    }

    @Test
    void routineKeywordsCountOnlyAsTheFirstWordsOfAStatement() {
        assertThat(sqls("SELECT 1; CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; SELECT 2"))
                .containsExactly("SELECT 1", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
                        "SELECT 2");
        assertThat(sqls("CREATE TABLE f (a int); BEGIN; SELECT 1")).containsExactly("CREATE TABLE f (a int)", "BEGIN",
                "SELECT 1");
    }

    @Test
    void wordsInQuotesAndParenthesesDoNotCount() {
        assertThat(sqls("CREATE FUNCTION f(\"begin\" int, begin int) RETURNS int LANGUAGE sql RETURN 1; SELECT 2"))
                .containsExactly("CREATE FUNCTION f(\"begin\" int, begin int) RETURNS int LANGUAGE sql RETURN 1",
                        "SELECT 2");
        assertThat(sqls("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql; SELECT 2"))
                .containsExactly("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql",
                        "SELECT 2");
    }

    @Test
    void linesCountNewlinesInsideStringsCommentsAndBodies() {
        String script = """
                SELECT 'a
                b';
                /* c
                   d */
                SELECT $$
                $$;
                -- e
                SELECT "x
                y"; SELECT 4;
                """;
        assertThat(SPLITTER.split(script, 10)).extracting(SqlStatement::line).containsExactly(10, 12, 17, 18);
        assertThat(sqls(script).get(1)).startsWith("/* c");
    }

    @Test
    void unterminatedConstructsReturnTheRestAsTheLastStatement() {
        assertThat(sqls("SELECT 1; SELECT 'oops;\nSELECT 3;")).containsExactly("SELECT 1", "SELECT 'oops;\nSELECT 3;");
        assertThat(sqls("SELECT 1; SELECT E'\\';")).containsExactly("SELECT 1", "SELECT E'\\';");
        assertThat(sqls("SELECT 1; SELECT \"oops;")).containsExactly("SELECT 1", "SELECT \"oops;");
        assertThat(sqls("SELECT 1; DO $x$ BEGIN; END $$;\n")).containsExactly("SELECT 1", "DO $x$ BEGIN; END $$;");
        assertThat(sqls("SELECT 1; SELECT 2 /* /* */ ;")).containsExactly("SELECT 1", "SELECT 2 /* /* */ ;");
        assertThat(sqls("SELECT 1; /* oops; \n")).containsExactly("SELECT 1", "/* oops;");
        assertThat(sqls("SELECT 1; CREATE FUNCTION f() LANGUAGE sql BEGIN ATOMIC SELECT 1;"))
                .containsExactly("SELECT 1", "CREATE FUNCTION f() LANGUAGE sql BEGIN ATOMIC SELECT 1;");
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        assertThat(SPLITTER.split("SELECT 1;\n\nSELECT 2\n-- done\n", 3))
                .containsExactly(new SqlStatement("SELECT 1", 3), new SqlStatement("SELECT 2\n-- done", 5));
    }

    @Test
    void metaCommandsAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> SPLITTER.split("SELECT 1;\n\\connect other\nSELECT 2;", 20))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("Line 21")
                .hasMessageContaining("\\connect");
        assertThatThrownBy(() -> SPLITTER.split("SELECT 1 \\gset\n", 1)).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("\\gset");
    }

    @Test
    void backslashesInQuotesAndCommentsAreNoMetaCommands() {
        assertThat(sqls("SELECT '\\x', E'\\\\', \"\\\" -- \\q\n /* \\i */; SELECT $$\\c$$"))
                .containsExactly("SELECT '\\x', E'\\\\', \"\\\" -- \\q\n /* \\i */", "SELECT $$\\c$$");
    }

    @Test
    void nonAsciiIdentifiers() {
        assertThat(sqls("CREATE DOMAIN public.\"bıgınt\" AS bigint; SELECT ünïcode$x; SELECT 3"))
                .containsExactly("CREATE DOMAIN public.\"bıgınt\" AS bigint", "SELECT ünïcode$x", "SELECT 3");
    }
}
