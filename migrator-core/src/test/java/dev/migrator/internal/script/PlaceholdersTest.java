package dev.migrator.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.ScriptException;
import dev.migrator.internal.script.Placeholders.Undefined;
import dev.migrator.script.Section;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Placeholders.Values VALUES = name -> {
        String value = Map.of("owner", "alice", "list", "a; b", "migrator:schema", "app").get(name);
        if (value == null) {
            throw new Undefined("no value");
        }
        return value;
    };

    private static String replace(String sql) {
        return Placeholders.replace(new Section(sql, 10), "x.sql", VALUES);
    }

    @Test
    void replacesEveryPlaceholderWithItsValueAsText() {
        assertThat(replace("GRANT SELECT ON ${migrator:schema}.t TO ${owner};\nSELECT '${list}';"))
                .isEqualTo("GRANT SELECT ON app.t TO alice;\nSELECT 'a; b';");
    }

    @Test
    void aBackslashKeepsThePlaceholderAsText() {
        assertThat(replace("SELECT '\\${owner}', '${owner}';")).isEqualTo("SELECT '${owner}', 'alice';");
    }

    @Test
    void bracesHoldingNoNameAreNotPlaceholders() {
        String javascript = "SELECT '${a + b}', '${}', '${x', '$$' || $${owner}$;";
        assertThat(replace(javascript)).isEqualTo("SELECT '${a + b}', '${}', '${x', '$$' || $alice$;");
    }

    @Test
    void anUndefinedPlaceholderNamesTheFileAndItsLine() {
        assertThatThrownBy(() -> replace("SELECT 1;\n\nSELECT '${owner}', ${tenant};"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("x.sql:12")
                .hasMessageContaining("placeholder ${tenant}: no value");
    }

    @Test
    void textWithoutPlaceholdersIsReturnedAsItIs() {
        String sql = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;";
        assertThat(replace(sql)).isSameAs(sql);
    }
}
