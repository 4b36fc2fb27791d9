package dev.migrator.autogenerate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison alone: records in, changes out, in an order a database accepts. */
class SchemaComparisonTest {

    private static final Schema.Column ID = column("id", "bigint", false);

    private static Schema.Column column(String name, String type, boolean nullable) {
        return new Schema.Column(name, ColumnType.parse(type), nullable, null, false);
    }

    private static Schema.Table table(String name, List<Schema.Column> columns, List<Schema.Index> indexes,
            List<Schema.Unique> uniques, List<Schema.ForeignKey> keys) {
        return new Schema.Table(name, columns, new Schema.PrimaryKey(null, List.of("id")), indexes, uniques, keys);
    }

    private static Schema schema(Schema.Table... tables) {
        return Schema.of(List.of(tables), List.of());
    }

    @Test
    void aRenamedColumnIsADroppedAndAnAddedColumn() {
        Schema from = schema(table("owners", List.of(ID, column("phone", "varchar(20)", true)), List.of(), List.of(), List.of()));
        Schema to = schema(table("owners", List.of(ID, column("telephone", "varchar(20)", true)), List.of(), List.of(), List.of()));

        List<Change> changes = SchemaComparison.compare(from, to);

        assertThat(changes).extracting(Change::describe)
                .containsExactly("add column owners.telephone", "drop column owners.phone");
    }

    @Test
    void namesAndCaseOfTheCatalogDoNotMakeADifference() {
        Schema database = schema(new Schema.Table("OWNERS", List.of(column("ID", "BIGINT", false),
                column("LAST_NAME", "CHARACTER VARYING(30)", true)), new Schema.PrimaryKey("CONSTRAINT_8", List.of("ID")),
                List.of(new Schema.Index("IX_1", List.of("LAST_NAME"), false)), List.of(), List.of()));
        Schema model = schema(table("owners", List.of(ID, column("last_name", "varchar(30)", true)),
                List.of(new Schema.Index("ix_owners_last_name", List.of("last_name"), false)), List.of(), List.of()));

        assertThat(SchemaComparison.compare(database, model)).isEmpty();
    }

    @Test
    void aUniqueIndexAndAUniqueConstraintOnTheSameColumnsAreTheSame() {
        Schema database = schema(table("types", List.of(ID, column("name", "varchar(80)", false)),
                List.of(new Schema.Index("name_idx", List.of("name"), true)), List.of(), List.of()));
        Schema model = schema(table("types", List.of(ID, column("name", "varchar(80)", false)), List.of(),
                List.of(new Schema.Unique("UK_name", List.of("name"))), List.of()));

        assertThat(SchemaComparison.compare(database, model)).isEmpty();
    }

    @Test
    void noActionAndRestrictAreTheSameButCascadeIsNot() {
        Schema.Table owners = table("owners", List.of(ID), List.of(), List.of(), List.of());
        Schema restrict = schema(owners, table("pets", List.of(ID, column("owner_id", "bigint", false)), List.of(), List.of(),
                List.of(new Schema.ForeignKey("fk1", List.of("owner_id"), "owners", List.of("id"), Schema.Action.RESTRICT,
                        Schema.Action.RESTRICT))));
        Schema noAction = schema(owners, table("pets", List.of(ID, column("owner_id", "bigint", false)), List.of(), List.of(),
                List.of(new Schema.ForeignKey("FK2", List.of("owner_id"), "owners", List.of("id"), Schema.Action.NO_ACTION,
                        Schema.Action.NO_ACTION))));
        Schema cascade = schema(owners, table("pets", List.of(ID, column("owner_id", "bigint", false)), List.of(), List.of(),
                List.of(new Schema.ForeignKey("FK2", List.of("owner_id"), "owners", List.of("id"), Schema.Action.CASCADE,
                        Schema.Action.NO_ACTION))));

        assertThat(SchemaComparison.compare(restrict, noAction)).isEmpty();
        assertThat(SchemaComparison.compare(restrict, cascade)).extracting(Change::describe)
                .containsExactly("drop foreign key fk1 on pets", "add foreign key FK2 on pets[owner_id] -> owners[id]");
    }

    @Test
    void foreignKeysGoBeforeTheTablesTheyUseAndComeAfterTheTablesTheyNeed() {
        Schema.Table owners = table("owners", List.of(ID), List.of(), List.of(), List.of());
        Schema.Table pets = table("pets", List.of(ID, column("owner_id", "bigint", false)), List.of(), List.of(),
                List.of(new Schema.ForeignKey("fk_owner", List.of("owner_id"), "owners", List.of("id"),
                        Schema.Action.NO_ACTION, Schema.Action.NO_ACTION)));

        assertThat(SchemaComparison.compare(schema(), schema(owners, pets))).extracting(Change::describe).containsExactly(
                "add table owners", "add table pets", "add foreign key fk_owner on pets[owner_id] -> owners[id]");
        assertThat(SchemaComparison.compare(schema(owners, pets), schema())).extracting(Change::describe).containsExactly(
                "drop foreign key fk_owner on pets", "drop table owners", "drop table pets");
    }

    @Test
    void aColumnChangeNamesWhatChanged() {
        Schema from = schema(table("visits", List.of(ID, column("description", "varchar(255)", true)), List.of(), List.of(), List.of()));
        Schema to = schema(table("visits", List.of(ID, column("description", "varchar(1000)", false)), List.of(), List.of(), List.of()));

        assertThat(SchemaComparison.compare(from, to)).extracting(Change::describe)
                .containsExactly("alter column visits.description: type varchar(255) -> varchar(1000) not null");
    }
}
