package dev.migrator.autogenerate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server defaults as catalogs give them back, against the model's. */
class DefaultsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0 | 0.00", "0 | '0'", "'x' | 'x'::character varying", "'x' | ('x'::character varying)",
        "current_timestamp | CURRENT_TIMESTAMP", "true | TRUE", "now() | (now())"})
    void catalogSpellingsOfOneDefaultAreTheSame(String model, String catalog) {
        assertThat(Defaults.same(model, catalog)).isTrue();
    }

    @Test
    void mariaDbsNullIsNoDefault() {
        assertThat(Defaults.same(null, "NULL")).isTrue();
    }

    @ParameterizedTest(name = "{0} <> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"0 | 1", "'x' | 'X'", "'a' | 'a '", "current_date | current_timestamp"})
    void differentDefaultsDiffer(String model, String catalog) {
        assertThat(Defaults.same(model, catalog)).isFalse();
    }

    @Test
    void aDefaultAndNoneDiffer() {
        assertThat(Defaults.same("0", null)).isFalse();
    }
}
