package dev.migrator.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void findsTheSplitterOfEachDialectIgnoringCase() {
        assertThat(StatementSplitter.forDialect("postgresql")).isInstanceOf(PostgresSplitter.class);
        assertThat(StatementSplitter.forDialect("MariaDB")).isInstanceOf(MySqlSplitter.class);
        assertThat(StatementSplitter.forDialect("MYSQL")).isInstanceOf(MySqlSplitter.class);
        assertThat(StatementSplitter.forDialect(" h2 ")).isInstanceOf(H2Splitter.class);
    }

    @Test
    void unknownDialectListsTheKnownOnes() {
        assertThatThrownBy(() -> StatementSplitter.forDialect("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'oracle'")
                .hasMessageContaining("postgresql, mariadb, mysql, h2");
    }

    @Test
    void theSameScriptSplitsByEachDialectsRules() {
        String script = "SELECT 'a\\'; SELECT 2 # x;\n;";
        assertThat(StatementSplitter.forDialect("postgresql").split(script, 1)).extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a\\'", "SELECT 2 # x");
        assertThat(StatementSplitter.forDialect("h2").split(script, 1)).extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a\\'", "SELECT 2 # x");
        assertThat(StatementSplitter.forDialect("mysql").split(script, 1)).extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a\\'; SELECT 2 # x;\n;");
    }
}
