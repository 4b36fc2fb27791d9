package dev.migrator.autogenerate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the database's checks are compared: only those on columns the model checks. */
class CheckScopeTest {

    private static Schema visits(Schema.Column... columns) {
        return Schema.of(List.of(new Schema.Table("visits", List.of(columns), null, List.of(), List.of(), List.of())),
                List.of());
    }

    private static Schema.Column column(String name, String... checks) {
        return new Schema.Column(name, ColumnType.parse("integer"), true, null, false,
                List.of(checks).stream().map(check -> new Schema.Check(null, check)).toList());
    }

    @Test
    void aCheckWrittenByHandOnAColumnTheModelDoesNotCheckIsLeftAlone() {
        Schema database = visits(column("price", "price >= 0"), column("urgency", "urgency between 0 and 2"));
        Schema model = visits(column("price"), column("urgency", "urgency between 0 and 2"));

        Schema compared = CheckScope.limit(database, model);

        assertThat(SchemaComparison.compare(compared, model)).isEmpty();
        assertThat(SchemaComparison.compare(database, model)).isNotEmpty();
    }

    @Test
    void aCheckOnAColumnTheModelChecksIsCompared() {
        Schema database = visits(column("urgency", "((urgency >= 0) AND (urgency <= 2))"));
        Schema model = visits(column("urgency", "urgency between 0 and 3"));

        assertThat(SchemaComparison.compare(CheckScope.limit(database, model), model)).extracting(Change::describe)
                .containsExactly("alter column visits.urgency: check [((urgency >= 0) AND (urgency <= 2))]"
                        + " -> [urgency between 0 and 3]");
    }

    @Test
    void whereNoCheckIsReadNoneIsCompared() {
        Schema model = visits(column("urgency", "urgency between 0 and 2"));

        assertThat(SchemaComparison.compare(visits(column("urgency")), CheckScope.none(model))).isEmpty();
    }
}
