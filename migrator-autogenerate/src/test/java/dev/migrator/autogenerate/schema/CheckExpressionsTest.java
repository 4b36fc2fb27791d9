package dev.migrator.autogenerate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hibernate's enum checks against each catalog's spelling of them (as read from the real databases). */
class CheckExpressionsTest {

    private static final String HIBERNATE_VALUES = "kind in ('CHECKUP','VACCINATION','SURGERY')";
    private static final String HIBERNATE_RANGE = "urgency between 0 and 2";

    @Test
    void postgresqlsRewrittenValueListIsTheSameCheck() {
        String postgres = "((kind)::text = ANY ((ARRAY['CHECKUP'::character varying, 'VACCINATION'::character varying,"
                + " 'SURGERY'::character varying])::text[]))";
        String reparsed = "((kind)::text = ANY (ARRAY[('CHECKUP'::character varying)::text,"
                + " ('VACCINATION'::character varying)::text, ('SURGERY'::character varying)::text]))";

        assertThat(CheckExpressions.same(HIBERNATE_VALUES, postgres)).isTrue();
        assertThat(CheckExpressions.same(HIBERNATE_VALUES, reparsed)).isTrue();
        assertThat(CheckExpressions.sql(postgres)).isEqualTo(HIBERNATE_VALUES);
    }

    @Test
    void postgresqlsRewrittenRangeIsTheSameCheck() {
        String postgres = "((urgency >= 0) AND (urgency <= 2))";

        assertThat(CheckExpressions.same(HIBERNATE_RANGE, postgres)).isTrue();
        assertThat(CheckExpressions.sql(postgres)).isEqualTo(HIBERNATE_RANGE);
    }

    @Test
    void mariadbsAndH2sQuotedSpellingsAreTheSameCheck() {
        assertThat(CheckExpressions.same(HIBERNATE_RANGE, "`urgency` between 0 and 2")).isTrue();
        assertThat(CheckExpressions.same(HIBERNATE_RANGE, "\"URGENCY\" BETWEEN 0 AND 2")).isTrue();
        assertThat(CheckExpressions.same(HIBERNATE_VALUES, "\"KIND\" IN('CHECKUP', 'VACCINATION', 'SURGERY')")).isTrue();
    }

    @Test
    void anotherValueOrRangeIsAnotherCheck() {
        assertThat(CheckExpressions.same(HIBERNATE_VALUES, "kind in ('CHECKUP','VACCINATION','SURGERY','DENTAL')")).isFalse();
        assertThat(CheckExpressions.same(HIBERNATE_VALUES, "kind in ('checkup','VACCINATION','SURGERY')")).isFalse();
        assertThat(CheckExpressions.same(HIBERNATE_RANGE, "((urgency >= 0) AND (urgency <= 3))")).isFalse();
    }

    @Test
    void theOrderOfValuesAndOfChecksDoesNotCount() {
        assertThat(CheckExpressions.same(HIBERNATE_VALUES, "kind in ('SURGERY','CHECKUP','VACCINATION')")).isTrue();
        assertThat(CheckExpressions.sameChecks(
                List.of(new Schema.Check(null, HIBERNATE_RANGE), new Schema.Check(null, "urgency <> 1")),
                List.of(new Schema.Check("c1", "(urgency <> 1)"), new Schema.Check("c2", "((urgency >= 0) AND (urgency <= 2))"))))
                .isTrue();
    }

    @Test
    void otherConditionsAreWrittenAsTheyWere() {
        assertThat(CheckExpressions.sql("(price >= (0)::numeric)")).isEqualTo("(price >= (0)::numeric)");
    }
}
