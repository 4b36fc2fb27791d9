package dev.migrator.internal.sql;

import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.SqlSyntaxException;
import dev.migrator.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlSplitterTest {

    private static final StatementSplitter SPLITTER = new MySqlSplitter();

    private static List<String> sqls(String script) {
        return SPLITTER.split(script, 1).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndTrims() {
        assertThat(SPLITTER.split("  SELECT 1;\n\nSELECT 2 ;  SELECT 3", 4)).containsExactly(
                new SqlStatement("SELECT 1", 4), new SqlStatement("SELECT 2", 6), new SqlStatement("SELECT 3", 6));
    }

    @Test
    void emptyAndCommentOnlyInputGiveNothing() {
        assertThat(sqls("")).isEmpty();
        assertThat(sqls(";; \n ;")).isEmpty();
        assertThat(sqls("# a\n-- b\n/* c; */ ;\n")).isEmpty();
    }

    @Test
    void singleAndDoubleQuotedStringsWithBackslashesAndDoubledQuotes() {
        assertThat(sqls("SELECT 'a;\\';b', \"c;\\\";d\"; SELECT 'it''s;', \"say \"\"x;\"\"\"; SELECT '\\\\'; SELECT 4"))
                .containsExactly("SELECT 'a;\\';b', \"c;\\\";d\"", "SELECT 'it''s;', \"say \"\"x;\"\"\"",
                        "SELECT '\\\\'", "SELECT 4");
    }

    @Test
    void backticksHaveNoBackslashEscape() {
        assertThat(sqls("SELECT 1 AS `a\\`; SELECT 1 AS `b``;`; SELECT 3"))
                .containsExactly("SELECT 1 AS `a\\`", "SELECT 1 AS `b``;`", "SELECT 3");
    }

    @Test
    void hashAndDashDashSpaceComments() {
        assertThat(sqls("SELECT 1 # it's; a comment\n, 2; SELECT 3 -- it's; too\n, 4;\nSELECT 5 --\n;"))
                .containsExactly("SELECT 1 # it's; a comment\n, 2", "SELECT 3 -- it's; too\n, 4", "SELECT 5 --");
    }

    @Test
    void dashDashWithoutWhiteSpaceIsMinusMinus() {
        assertThat(sqls("SELECT 5 --1; SELECT 6--'x;'\n;")).containsExactly("SELECT 5 --1", "SELECT 6--'x;'");
    }

    @Test
    void dashDashAtTheEndOfInputIsAComment() {
        assertThat(sqls("SELECT 1; --")).containsExactly("SELECT 1");
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(sqls("SELECT 1 /* a /* b; */ , 2; SELECT 3")).containsExactly("SELECT 1 /* a /* b; */ , 2", "SELECT 3");
    }

    @Test
    void leadingCommentsAreDropped() {
        assertThat(SPLITTER.split("# one\n/* two\n */ -- three\nSELECT 1;", 1)).containsExactly(new SqlStatement("SELECT 1", 4));
    }

    @Test
    void executableCommentsAreStatementTextAndTheirSemicolonsSplitAsInTheClient() {
        assertThat(sqls("/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET @a = 1 */;\nSELECT /*+ MAX_EXECUTION_TIME(1) */ 1;"))
                .containsExactly("/*!40101 SET NAMES utf8mb4 */", "/*M!100100 SET @a = 1 */",
                        "SELECT /*+ MAX_EXECUTION_TIME(1) */ 1");
        assertThat(sqls("/*!40101 SELECT 2; SELECT 3 */;")).containsExactly("/*!40101 SELECT 2", "SELECT 3 */");
    }

    @Test
    void delimiterCommandChangesTheDelimiterUntilTheNext() {
        String script = """
                CREATE TABLE t (a INT);
                DELIMITER //
                CREATE PROCEDURE p()
                BEGIN
                  INSERT INTO t VALUES (1);
                  SELECT 'x//y' FROM t;
                END //
                CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 2; END//SELECT 3//
                delimiter ;
                CALL p();
                """;
        assertThat(SPLITTER.split(script, 1)).containsExactly(
                new SqlStatement("CREATE TABLE t (a INT)", 1),
                new SqlStatement("CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t VALUES (1);\n  SELECT 'x//y' FROM t;\nEND", 3),
                new SqlStatement("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 2; END", 8),
                new SqlStatement("SELECT 3", 8),
                new SqlStatement("CALL p()", 10));
    }

    @Test
    void delimiterLineMayBeIndentedMixedCaseQuotedAndHaveTrailingWords() {
        assertThat(sqls("  DeLiMiTeR '$$' ignored\nSELECT '$$', 1 $$ SELECT 2$$\n\tdelimiter ;;\nSELECT 3;;"))
                .containsExactly("SELECT '$$', 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void delimiterInsideAStatementOrMidLineIsNotACommand() {
        assertThat(sqls("SELECT 1\ndelimiter //\n;\nSELECT 2; delimiter //\n;")).containsExactly(
                "SELECT 1\ndelimiter //", "SELECT 2", "delimiter //");
        assertThat(sqls("SELECT delimiter FROM t; delimiters;")).containsExactly("SELECT delimiter FROM t", "delimiters");
    }

    @Test
    void delimiterAfterACommentOnlyPieceIsACommand() {
        assertThat(sqls("-- set it\n# now\nDELIMITER $$\nSELECT 1$$")).containsExactly("SELECT 1");
    }

    @Test
    void badDelimiterLinesAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> SPLITTER.split("SELECT 1;\nDELIMITER\n", 7)).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("Line 8").hasMessageContaining("DELIMITER must be followed");
        assertThatThrownBy(() -> SPLITTER.split("DELIMITER a\\b\n", 1)).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("backslash");
    }

    @Test
    void clientBackslashCommandsAreRejectedButBackslashNIsNull() {
        assertThat(sqls("SELECT \\N; SELECT 2")).containsExactly("SELECT \\N", "SELECT 2");
        assertThatThrownBy(() -> SPLITTER.split("SELECT 1;\nSELECT 2\\G\n", 3)).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("Line 4").hasMessageContaining("\\G");
        assertThat(sqls("SELECT '\\g' # \\q\n /* \\c */;")).containsExactly("SELECT '\\g' # \\q\n /* \\c */");
    }

    @Test
    void linesCountNewlinesInsideStringsAndComments() {
        String script = "SELECT 'a\nb';\n/* c\n d */\nSELECT `x\ny`;\nDELIMITER //\n\nSELECT \"\n\"//";
        assertThat(SPLITTER.split(script, 1)).extracting(SqlStatement::line).containsExactly(1, 5, 9);
    }

    @Test
    void unterminatedConstructsReturnTheRestAsTheLastStatement() {
        assertThat(sqls("SELECT 1; SELECT 'oops;\nSELECT 3;")).containsExactly("SELECT 1", "SELECT 'oops;\nSELECT 3;");
        assertThat(sqls("SELECT 1; SELECT \"x\\\";")).containsExactly("SELECT 1", "SELECT \"x\\\";");
        assertThat(sqls("SELECT 1; SELECT `x;")).containsExactly("SELECT 1", "SELECT `x;");
        assertThat(sqls("SELECT 1; SELECT 2 /* x;")).containsExactly("SELECT 1", "SELECT 2 /* x;");
        assertThat(sqls("SELECT 1; /* x;\n")).containsExactly("SELECT 1", "/* x;");
        assertThat(sqls("DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END;\n"))
                .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; END;");
    }
}
