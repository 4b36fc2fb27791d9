package dev.migrator.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlywayPlaceholderSyntaxTest {

    private final FlywayPlaceholderSyntax brackets = new FlywayPlaceholderSyntax(true, "#[", "]");

    @Test
    void flywaysDefaultSyntaxLeavesTheTextAsItIs() {
        String sql = "SELECT '${a}', '\\${b}', '#[c]';";
        assertThat(FlywayPlaceholderSyntax.DEFAULT.toMigrators(sql)).isSameAs(sql);
    }

    @Test
    void anotherSyntaxBecomesMigratorsAndMigratorsBecomesText() {
        assertThat(brackets.toMigrators("INSERT INTO t VALUES ('#[a]#[b]', '${c}', '#[flyway:user]');"))
                .isEqualTo("INSERT INTO t VALUES ('${a}${b}', '\\${c}', '${flyway:user}');");
    }

    @Test
    void whatIsNoPlaceholderInEitherSyntaxStaysAsItIs() {
        // not names (a space, an expression), an unclosed prefix, an escape already written
        String sql = "SELECT '#[a b]', '${x + 1}', '\\${d}', arr[1], '#[open";
        assertThat(brackets.toMigrators(sql)).isEqualTo(sql);
    }

    @Test
    void aPrefixThatStartsLikeMigratorsIsReadAsFlywaysOnly() {
        FlywayPlaceholderSyntax doubled = new FlywayPlaceholderSyntax(true, "${{", "}}");
        assertThat(doubled.toMigrators("SELECT '${{a}}', '${b}';")).isEqualTo("SELECT '${a}', '\\${b}';");
    }

    @Test
    void escapingLeavesEveryPlaceholderAsText() {
        assertThat(FlywayPlaceholderSyntax.escapeMigrators("'${a}' '\\${b}' '${c d}' ${e}"))
                .isEqualTo("'\\${a}' '\\${b}' '${c d}' \\${e}");
    }

    @Test
    void anEmptyPrefixOrSuffixIsRefused() {
        assertThatThrownBy(() -> new FlywayPlaceholderSyntax(true, "", "]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix and suffix");
    }
}
