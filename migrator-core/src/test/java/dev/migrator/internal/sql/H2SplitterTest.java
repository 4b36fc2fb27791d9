package dev.migrator.internal.sql;

import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.StatementSplitter;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.util.ScriptReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class H2SplitterTest {

    private static final StatementSplitter SPLITTER = new H2Splitter();

    private static List<String> sqls(String script) {
        return SPLITTER.split(script, 1).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndTrims() {
        assertThat(SPLITTER.split(" SELECT 1;\n\nSELECT 2 ;SELECT 3\n", 2)).containsExactly(
                new SqlStatement("SELECT 1", 2), new SqlStatement("SELECT 2", 4), new SqlStatement("SELECT 3", 4));
    }

    @Test
    void emptyAndCommentOnlyInputGiveNothing() {
        assertThat(sqls("")).isEmpty();
        assertThat(sqls("-- a\n// b\n/* c; */ ; ;\n")).isEmpty();
    }

    @Test
    void quotesWithDoubledQuotesAndNoBackslashEscapes() {
        assertThat(sqls("SELECT 'a;''b', 'c\\'; SELECT 1 AS \"d;\"\"e\"; SELECT 3"))
                .containsExactly("SELECT 'a;''b', 'c\\'", "SELECT 1 AS \"d;\"\"e\"", "SELECT 3");
    }

    @Test
    void lineAndBlockComments() {
        assertThat(sqls("SELECT 1 -- x; 'y\n, 2 // z; \"\n; SELECT 3 /* a; /* b; */ c; */ , 4; SELECT 5"))
                .containsExactly("SELECT 1 -- x; 'y\n, 2 // z; \"", "SELECT 3 /* a; /* b; */ c; */ , 4", "SELECT 5");
    }

    @Test
    void leadingCommentsAreDroppedAndLinesKept() {
        assertThat(SPLITTER.split("-- one\n/* two\n*/ // three\nSELECT 1;", 10)).containsExactly(new SqlStatement("SELECT 1", 13));
    }

    @Test
    void dollarQuotedBodies() {
        String script = """
                CREATE ALIAS REPEAT_IT AS $$
                String repeat(String s, int n) {
                    return s.repeat(n); // ';'
                }
                $$;
                SELECT REPEAT_IT('ab', 2);
                """;
        assertThat(SPLITTER.split(script, 1)).extracting(SqlStatement::line).containsExactly(1, 6);
        assertThat(sqls(script).get(0)).startsWith("CREATE ALIAS REPEAT_IT AS $$\n").endsWith("}\n$$");
    }

    @Test
    void doubleDollarOpensAStringOnlyAfterWhiteSpaceOrTheLastSemicolon() {
        assertThat(sqls("$$;$$; SELECT a$$b; SELECT ($$;\n$$;$$; SELECT 4;$$;$$"))
                .containsExactly("$$;$$", "SELECT a$$b", "SELECT ($$", "$$;$$", "SELECT 4", "$$;$$");
    }

    /** Scripts whose statements H2's own reader must find the same (it keeps leading comments; these have none). */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1 /* a /* b; */ , 2; SELECT 3 */; SELECT 4",
        "SELECT 1 -- x; 'y\n, 2 // z; \"\n; SELECT 3",
        "SELECT 'a;''b', 'c\\'; SELECT 1 AS \"d;\"\"e\"; SELECT 3",
        "CREATE ALIAS X AS $$ a; $$; SELECT 2; SELECT `a;b`; SELECT $1; SELECT a$$b;c$$; SELECT 3",
        "SELECT 1,$$;$$; SELECT ($$;$$); SELECT\n$$;$$; SELECT 1 $$ a $ b $$; SELECT 1 $$a$$$; SELECT 5",
        "SELECT 1; SELECT 'x\ny'; SELECT $$ x",
    })
    void splitsLikeH2sScriptReader(String script) {
        List<String> expected = new ArrayList<>();
        ScriptReader reader = new ScriptReader(new StringReader(script));
        for (String statement = reader.readStatement(); statement != null; statement = reader.readStatement()) {
            if (!statement.isBlank()) {
                expected.add(statement.strip());
            }
        }
        assertThat(sqls(script)).containsExactlyElementsOf(expected);
    }

    @Test
    void unterminatedConstructsReturnTheRestAsTheLastStatement() {
        assertThat(sqls("SELECT 1; SELECT 'x;")).containsExactly("SELECT 1", "SELECT 'x;");
        assertThat(sqls("SELECT 1; SELECT \"x;")).containsExactly("SELECT 1", "SELECT \"x;");
        assertThat(sqls("SELECT 1; SELECT $$x;")).containsExactly("SELECT 1", "SELECT $$x;");
        assertThat(sqls("SELECT 1; /* x;")).containsExactly("SELECT 1", "/* x;");
    }

    @Test
    void splitScriptRunsOnH2() throws SQLException {
        String script = """
                CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(20)); -- a; comment
                INSERT INTO t VALUES (1, 'a;b'), (2, 'it''s');
                CREATE ALIAS TWICE AS $$
                int twice(int x) { return x * 2; }
                $$;
                // done
                """;
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2); Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (SqlStatement statement : SPLITTER.split(script, 1)) {
                st.execute(statement.sql());
            }
            try (ResultSet rs = st.executeQuery("SELECT TWICE(21), (SELECT note FROM t WHERE id = 1)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getString(2)).isEqualTo("a;b");
            }
        }
    }
}
