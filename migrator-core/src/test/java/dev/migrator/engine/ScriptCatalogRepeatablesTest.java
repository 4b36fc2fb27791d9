package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.GraphException;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeatable revisions stand beside the graph: never a node, a head or a parent. */
class ScriptCatalogRepeatablesTest {

    private static RevisionScript revision(String id, String down) {
        return ScriptParser.parse("-- migrator:revision " + id + "\n-- migrator:down " + down
                + "\n-- migrator:upgrade\nSELECT 1;\n", id + ".sql");
    }

    private static RevisionScript repeatable(String id) {
        return ScriptParser.parse("-- migrator:revision " + id + "\n-- migrator:repeatable true\n-- migrator:upgrade\n"
                + "SELECT 1;\n", id + "_r.sql");
    }

    @Test
    void repeatablesAreNoPartOfTheGraphAndRunInIdOrder() {
        ScriptCatalog catalog = ScriptCatalog.of(List.of(repeatable("r_b"), revision("a", ""), repeatable("r_a"),
                revision("b", "a")));
        assertThat(catalog.graph().revisions()).extracting(r -> r.id()).containsExactly("a", "b");
        assertThat(catalog.graph().heads()).containsExactly("b");
        assertThat(catalog.graph().contains("r_a")).isFalse();
        assertThat(catalog.scripts()).extracting(RevisionScript::id).containsExactly("a", "b");
        assertThat(catalog.repeatables()).extracting(RevisionScript::id).containsExactly("r_a", "r_b");
        assertThat(catalog.script("r_a").repeatable()).isTrue();
    }

    @Test
    void anIdTakenTwiceIsRefusedNamingBothFiles() {
        assertThatThrownBy(() -> ScriptCatalog.of(List.of(revision("a", ""), repeatable("a"))))
                .isInstanceOf(GraphException.class).hasMessageContaining("a.sql").hasMessageContaining("a_r.sql");
        assertThatThrownBy(() -> ScriptCatalog.of(List.of(repeatable("r"), repeatable("r"))))
                .isInstanceOf(GraphException.class).hasMessageContaining("id r is used by r_r.sql");
    }

    @Test
    void aRevisionCannotHangFromARepeatableOne() {
        assertThatThrownBy(() -> ScriptCatalog.of(List.of(repeatable("r_views"), revision("a", "r_views"))))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("revision a (a.sql) names r_views, a repeatable revision (r_views_r.sql)");
    }
}
