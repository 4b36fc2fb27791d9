package dev.migrator.autogenerate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Types compare by meaning: each catalog's spelling against Hibernate's. */
class ColumnTypeTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "enum ('FEMALE','MALE') | enum('FEMALE','MALE')", "enum('A','B') | ENUM('A', 'B')", "enum('A','B') | ENUM",
        "integer | int4", "integer | int(11)", "integer | INTEGER", "bigint | int8", "bigint | bigint(20)",
        "varchar(255) | character varying(255)", "varchar(255) | CHARACTER VARYING(255)",
        "timestamp(6) | timestamp(6) without time zone", "datetime(6) | timestamp(6)", "timestamp(6) | TIMESTAMP",
        "numeric(10,2) | decimal(10,2)", "numeric(10,2) | NUMERIC(10, 2)", "float(53) | double precision",
        "float(53) | double", "float(24) | real", "boolean | bool", "bit | bit(1)", "boolean | tinyint(1)",
        "timestamp(6) with time zone | timestamptz(6)"})
    void spellingsOfOneTypeAreTheSame(String model, String catalog) {
        assertThat(ColumnType.parse(model).sameAs(ColumnType.parse(catalog))).isTrue();
    }

    @ParameterizedTest(name = "{0} <> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "enum('A','B') | enum('A','C')", "enum('A','B') | enum('B','A')", "enum('a') | enum('A')",
        "varchar(255) | varchar(100)", "varchar(255) | char(255)", "integer | bigint", "numeric(10,2) | numeric(12,2)",
        "timestamp(6) | timestamp(6) with time zone", "real | double precision", "date | timestamp(6)",
        "text | varchar(255)"})
    void differentTypesDiffer(String model, String catalog) {
        assertThat(ColumnType.parse(model).sameAs(ColumnType.parse(catalog))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void theSpellingIsKeptForRendering() {
        assertThat(ColumnType.parse("character varying(255)").spelling()).isEqualTo("character varying(255)");
    }
}
