package dev.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each PostgreSQL rule flags its bad form and not its safe recipe. The table {@code account} is an
 * existing one (no revision here creates it); the recipes run in the revision shape they need.
 */
class PostgresRulesTest {

    /** Both forms in transactional revisions (the default). */
    private static Arguments tx(String rule, String bad, String safe) {
        return Arguments.of(rule, bad, true, safe, true);
    }

    /** The bad form in a transactional revision, the recipe in a '-- migrator:transactional false' one. */
    private static Arguments recipeWithoutTransaction(String rule, String bad, String safe) {
        return Arguments.of(rule, bad, true, safe, false);
    }

    private static Arguments bothWithoutTransaction(String rule, String bad, String safe) {
        return Arguments.of(rule, bad, false, safe, false);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                recipeWithoutTransaction("require-concurrent-index-creation",
                        "CREATE INDEX account_email ON account (email)",
                        "CREATE INDEX CONCURRENTLY account_email ON account (email)"),
                recipeWithoutTransaction("require-concurrent-index-deletion",
                        "DROP INDEX account_email",
                        "DROP INDEX CONCURRENTLY IF EXISTS account_email"),
                recipeWithoutTransaction("require-concurrent-reindex",
                        "REINDEX INDEX account_email",
                        "REINDEX INDEX CONCURRENTLY account_email"),
                recipeWithoutTransaction("concurrently-in-transaction",
                        "CREATE INDEX CONCURRENTLY account_email ON account (email)",
                        "CREATE INDEX CONCURRENTLY account_email ON account (email)"),
                tx("constraint-missing-not-valid",
                        "ALTER TABLE orders ADD CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES account (id)",
                        "ALTER TABLE orders ADD CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES account (id)"
                                + " NOT VALID"),
                tx("constraint-missing-not-valid",
                        "ALTER TABLE account ADD CONSTRAINT positive CHECK (balance >= 0)",
                        "ALTER TABLE account ADD CONSTRAINT positive CHECK (balance >= 0) NOT VALID"),
                tx("constraint-missing-not-valid",
                        "ALTER TABLE orders ADD COLUMN account_id bigint REFERENCES account (id)",
                        "ALTER TABLE orders ADD COLUMN account_id bigint"),
                tx("constraint-missing-not-valid",
                        "ALTER TABLE account ADD CONSTRAINT positive CHECK (balance >= 0) NOT VALID;\n"
                                + "ALTER TABLE account VALIDATE CONSTRAINT positive",
                        "ALTER TABLE account VALIDATE CONSTRAINT positive"),
                tx("adding-not-nullable-field",
                        "ALTER TABLE account ALTER COLUMN email SET NOT NULL",
                        "ALTER TABLE account ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);\n"
                                + "ALTER TABLE account ALTER COLUMN email SET NOT NULL"),
                tx("disallowed-unique-constraint",
                        "ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE (email)",
                        "ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE USING INDEX account_email_idx"),
                tx("disallowed-unique-constraint",
                        "ALTER TABLE account ADD PRIMARY KEY (id)",
                        "ALTER TABLE account ADD CONSTRAINT account_pkey PRIMARY KEY USING INDEX account_id_idx"),
                tx("adding-field-with-volatile-default",
                        "ALTER TABLE account ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                        "ALTER TABLE account ADD COLUMN created timestamptz DEFAULT now()"),
                tx("adding-field-with-volatile-default",
                        "ALTER TABLE account ADD COLUMN seq bigserial",
                        "ALTER TABLE account ADD COLUMN seq bigint"),
                tx("adding-required-field",
                        "ALTER TABLE account ADD COLUMN plan text NOT NULL",
                        "ALTER TABLE account ADD COLUMN plan text NOT NULL DEFAULT 'free'"),
                tx("changing-column-type",
                        "ALTER TABLE account ALTER COLUMN id TYPE bigint",
                        "ALTER TABLE account ALTER COLUMN name TYPE varchar(200)"),
                tx("changing-column-type",
                        "ALTER TABLE account ALTER COLUMN name SET DATA TYPE text USING upper(name)",
                        "ALTER TABLE account ALTER COLUMN name SET DATA TYPE text"),
                tx("renaming-column",
                        "ALTER TABLE account RENAME COLUMN name TO full_name",
                        "ALTER TABLE account ADD COLUMN full_name text"),
                tx("renaming-column",
                        "ALTER TABLE account RENAME name TO full_name",
                        "ALTER TABLE account RENAME CONSTRAINT a TO b"),
                tx("renaming-table",
                        "ALTER TABLE account RENAME TO customer",
                        "CREATE TABLE customer (id bigint)"),
                tx("dropping-column",
                        "ALTER TABLE account DROP COLUMN legacy",
                        "ALTER TABLE account DROP CONSTRAINT legacy_check"),
                tx("dropping-table",
                        "DROP TABLE IF EXISTS account_archive",
                        "CREATE TABLE t (id bigint);\nDROP TABLE t"),
                bothWithoutTransaction("ban-vacuum-full", "VACUUM FULL account", "VACUUM account"),
                tx("ban-cluster", "CLUSTER account USING account_pkey", "ANALYZE account"),
                tx("ban-lock-table", "LOCK TABLE account", "SELECT 1"),
                tx("require-lock-timeout",
                        "ALTER TABLE account ADD COLUMN note text",
                        "SET lock_timeout = '5s';\nALTER TABLE account ADD COLUMN note text"),
                tx("require-lock-timeout",
                        "SET lock_timeout = 0;\nALTER TABLE account DROP COLUMN note",
                        "SELECT set_config('lock_timeout', '2s', true);\nALTER TABLE account DROP COLUMN note"),
                tx("require-lock-timeout",
                        "CREATE TRIGGER account_audit AFTER UPDATE ON account FOR EACH ROW EXECUTE FUNCTION audit()",
                        "SET lock_timeout = '2s';\n"
                                + "CREATE TRIGGER account_audit AFTER UPDATE ON account FOR EACH ROW EXECUTE FUNCTION audit()"),
                tx("transaction-control",
                        "UPDATE account SET plan = 'free';\nCOMMIT",
                        "UPDATE account SET plan = 'free'"),
                bothWithoutTransaction("non-transactional-multi-statement",
                        "CREATE INDEX CONCURRENTLY a ON account (a);\nCREATE INDEX CONCURRENTLY b ON account (b)",
                        "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY a ON account (a)"),
                tx("prefer-bigint-over-int",
                        "CREATE TABLE t (id integer PRIMARY KEY)",
                        "CREATE TABLE t (id bigint PRIMARY KEY)"),
                tx("prefer-timestamptz",
                        "CREATE TABLE t (at timestamp(3) without time zone)",
                        "CREATE TABLE t (at timestamp(3) with time zone)"),
                tx("ban-char-field",
                        "ALTER TABLE account ADD COLUMN country character(2)",
                        "ALTER TABLE account ADD COLUMN country character varying(2)"),
                tx("prefer-identity",
                        "CREATE TABLE t (id serial)",
                        "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY)"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void flagsTheBadFormAndNotTheRecipe(String rule, String bad, boolean badInTransaction, String safe,
            boolean safeInTransaction) {
        assertThat(Lint.rules(Lint.run("postgresql", badInTransaction, bad))).as(bad).contains(rule);
        assertThat(Lint.rules(Lint.run("postgresql", safeInTransaction, safe))).as(safe).doesNotContain(rule);
    }
}
