package dev.migrator.autogenerate.schema;

/**
 * One difference between two schemas, as the step that removes it. A comparison lists them in the
 * order they can run: foreign keys and indexes go before the tables and columns they use, new
 * tables and columns before the keys that use them.
 */
public sealed interface Change {

    /** One line for people: what the change does. */
    String describe();

    record AddTable(Schema.Table table) implements Change {
        public String describe() {
            return "add table " + table.name();
        }
    }

    record DropTable(Schema.Table table) implements Change {
        public String describe() {
            return "drop table " + table.name();
        }
    }

    record AddColumn(Schema.Table table, Schema.Column column) implements Change {
        public String describe() {
            return "add column " + table.name() + "." + column.name();
        }
    }

    /** A dropped column; with an added one in the same table it may be a rename, which is not guessed. */
    record DropColumn(Schema.Table table, Schema.Column column) implements Change {
        public String describe() {
            return "drop column " + table.name() + "." + column.name();
        }
    }

    /** A column whose type, nullability, default, identity or checks differ; {@code to} is the whole new definition. */
    record AlterColumn(Schema.Table table, Schema.Column from, Schema.Column to) implements Change {
        public boolean typeChanged() {
            return !from.type().sameAs(to.type());
        }

        public boolean nullableChanged() {
            return from.nullable() != to.nullable();
        }

        public boolean defaultChanged() {
            return !Defaults.same(from.defaultValue(), to.defaultValue());
        }

        public boolean identityChanged() {
            return from.identity() != to.identity();
        }

        public boolean checksChanged() {
            return !CheckExpressions.sameChecks(from.checks(), to.checks());
        }

        public boolean changed() {
            return typeChanged() || nullableChanged() || defaultChanged() || identityChanged() || checksChanged();
        }

        public String describe() {
            StringBuilder what = new StringBuilder("alter column " + table.name() + "." + to.name() + ":");
            if (typeChanged()) {
                what.append(" type ").append(from.type()).append(" -> ").append(to.type());
            }
            if (nullableChanged()) {
                what.append(to.nullable() ? " nullable" : " not null");
            }
            if (defaultChanged()) {
                what.append(" default ").append(from.defaultValue()).append(" -> ").append(to.defaultValue());
            }
            if (identityChanged()) {
                what.append(to.identity() ? " identity" : " no identity");
            }
            if (checksChanged()) {
                what.append(" check ").append(expressions(from)).append(" -> ").append(expressions(to));
            }
            return what.toString();
        }

        private static String expressions(Schema.Column column) {
            return column.checks().stream().map(Schema.Check::expression).toList().toString();
        }
    }

    /** A primary key on other columns: dropped and added again. */
    record ReplacePrimaryKey(Schema.Table from, Schema.Table to) implements Change {
        public String describe() {
            return "replace primary key of " + to.name();
        }
    }

    record AddIndex(Schema.Table table, Schema.Index index) implements Change {
        public String describe() {
            return "add " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table.name()
                    + index.columns();
        }
    }

    record DropIndex(Schema.Table table, Schema.Index index) implements Change {
        public String describe() {
            return "drop index " + index.name() + " on " + table.name();
        }
    }

    record AddUnique(Schema.Table table, Schema.Unique unique) implements Change {
        public String describe() {
            return "add unique constraint " + unique.name() + " on " + table.name() + unique.columns();
        }
    }

    record DropUnique(Schema.Table table, Schema.Unique unique) implements Change {
        public String describe() {
            return "drop unique constraint " + unique.name() + " on " + table.name();
        }
    }

    record AddForeignKey(Schema.Table table, Schema.ForeignKey foreignKey) implements Change {
        public String describe() {
            return "add foreign key " + foreignKey.name() + " on " + table.name() + foreignKey.columns() + " -> "
                    + foreignKey.referencedTable() + foreignKey.referencedColumns();
        }
    }

    /** @param table the table as it is before the change: MariaDB drops the index it made for the key only when no other index covers it */
    record DropForeignKey(Schema.Table table, Schema.ForeignKey foreignKey) implements Change {
        public String describe() {
            return "drop foreign key " + foreignKey.name() + " on " + table.name();
        }
    }

    record AddSequence(Schema.Sequence sequence) implements Change {
        public String describe() {
            return "add sequence " + sequence.name();
        }
    }

    /** A sequence whose increment differs (Hibernate's allocation size); the start matters only at creation. */
    record AlterSequence(Schema.Sequence from, Schema.Sequence to) implements Change {
        public String describe() {
            return "alter sequence " + to.name() + ": increment " + from.increment() + " -> " + to.increment();
        }
    }

    record DropSequence(Schema.Sequence sequence) implements Change {
        public String describe() {
            return "drop sequence " + sequence.name();
        }
    }
}
