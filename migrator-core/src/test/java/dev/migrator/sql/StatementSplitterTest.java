package dev.migrator.sql;

import dev.migrator.internal.sql.H2Splitter;
import dev.migrator.internal.sql.MySqlSplitter;
import dev.migrator.internal.sql.PostgresSplitter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.dialect.Dialects;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void eachDialectSuppliesTheSplitterOfItsClient() {
        assertThat(Dialects.byName("postgresql").statementSplitter()).isInstanceOf(PostgresSplitter.class);
        assertThat(Dialects.byName("MariaDB").statementSplitter()).isInstanceOf(MySqlSplitter.class);
        assertThat(Dialects.byName("MYSQL").statementSplitter()).isInstanceOf(MySqlSplitter.class);
        assertThat(Dialects.byName(" h2 ").statementSplitter()).isInstanceOf(H2Splitter.class);
    }

    @Test
    void theSameScriptSplitsByEachDialectsRules() {
        String script = "SELECT 'a\\'; SELECT 2 # x;\n;";
        assertThat(StatementSplitter.postgresql().split(script, 1)).extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a\\'", "SELECT 2 # x");
        assertThat(StatementSplitter.semicolons().split(script, 1)).extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a\\'", "SELECT 2 # x");
        assertThat(StatementSplitter.mysql().split(script, 1)).extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a\\'; SELECT 2 # x;\n;");
    }
}
