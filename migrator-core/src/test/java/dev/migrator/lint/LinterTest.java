package dev.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.dialect.SqlFamily;
import dev.migrator.error.ScriptException;
import dev.migrator.script.RevisionScript;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the rules see beyond one statement: the revision's context, suppression, settings, the lexer. */
class LinterTest {

    @Test
    void aTableCreatedInTheSameRevisionIsNotExisting() {
        List<Finding> findings = Lint.postgres("""
                CREATE TABLE account (id bigint PRIMARY KEY, email text);
                CREATE INDEX account_email ON account (email);
                ALTER TABLE account ADD CONSTRAINT email_key UNIQUE (email);
                ALTER TABLE account ALTER COLUMN email SET NOT NULL;
                ALTER TABLE account RENAME COLUMN email TO mail;
                DROP INDEX account_email;
                ALTER TABLE account RENAME TO customer;
                ALTER TABLE customer DROP COLUMN mail;
                DROP TABLE customer""");
        assertThat(findings).isEmpty();
    }

    @Test
    void viewsSequencesAndPartitionParentsCreatedHereAreNotExistingEither() {
        List<Finding> findings = Lint.postgres("""
                CREATE SEQUENCE account_id_seq;
                ALTER TABLE account_id_seq OWNER TO app;
                CREATE MATERIALIZED VIEW account_totals AS SELECT 1 AS n WITH NO DATA;
                CREATE UNIQUE INDEX account_totals_n ON account_totals (n);
                CREATE OR REPLACE VIEW account_names AS SELECT name FROM account;
                ALTER TABLE account_names OWNER TO app;
                CREATE INDEX payment_at ON ONLY payment (paid_at)""");
        assertThat(findings).isEmpty();
        assertThat(Lint.rules(Lint.postgres("ALTER TABLE account_id_seq OWNER TO app")))
                .containsExactly("require-lock-timeout");
    }

    @Test
    void theSameStatementsOnAnExistingTableAreFlagged() {
        List<Finding> findings = Lint.postgres("""
                CREATE INDEX account_email ON account (email);
                ALTER TABLE account ADD CONSTRAINT email_key UNIQUE (email);
                ALTER TABLE account ALTER COLUMN email SET NOT NULL""");
        assertThat(Lint.rules(findings)).containsExactly("require-concurrent-index-creation",
                "disallowed-unique-constraint", "require-lock-timeout", "adding-not-nullable-field",
                "require-lock-timeout");
        assertThat(findings.get(0).line()).isEqualTo(4);
        assertThat(findings.get(0).statement()).isEqualTo("CREATE INDEX account_email ON account (email)");
        assertThat(findings.get(0).revision()).isEqualTo("r1");
    }

    @Test
    void stringsCommentsDollarBodiesAndQuotedNamesDoNotFoolTheRules() {
        List<Finding> findings = Lint.postgres("""
                INSERT INTO notes (body) VALUES ('CREATE INDEX x ON account (a); ALTER TABLE account RENAME TO y');
                INSERT INTO notes (body) VALUES (E'it\\'s DROP TABLE account');
                DO $body$ BEGIN EXECUTE 'ALTER TABLE account DROP COLUMN x'; COMMIT; END $body$;
                /* DROP TABLE account; */ SELECT 1;
                SELECT 2 -- ALTER TABLE account RENAME name TO n
                ;
                CREATE TABLE "create" ("index" bigint, "rename" text, "timestamp" timestamptz);
                ALTER TABLE "create" RENAME COLUMN "rename" TO renamed;
                SELECT "drop", "vacuum" FROM "lock" AS l""");
        assertThat(findings).isEmpty();
    }

    @Test
    void wordsInStringsCommentsAndQuotedNamesAreNotTheStatementsOwn() {
        assertThat(Lint.rules(Lint.postgres("SET lock_timeout = '1s';\n"
                + "ALTER TABLE account ADD COLUMN note text DEFAULT 'random()'"))).isEmpty();
        assertThat(Lint.rules(Lint.postgres("SET lock_timeout = '1s';\n"
                + "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES account (id) /* NOT VALID */")))
                .containsExactly("constraint-missing-not-valid");
        assertThat(Lint.rules(Lint.postgres("SET lock_timeout = '1s';\n"
                + "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES account (id) -- NOT VALID\n")))
                .containsExactly("constraint-missing-not-valid");
        assertThat(Lint.rules(Lint.run("postgresql", false, "REINDEX INDEX \"concurrently\"")))
                .containsExactly("require-concurrent-reindex");
        assertThat(Lint.rules(Lint.run("postgresql", false, "REINDEX INDEX $$concurrently$$")))
                .containsExactly("require-concurrent-reindex");
    }

    @Test
    void mysqlQuotingRulesApplyToMysql() {
        List<Finding> findings = Lint.run("mariadb", true, """
                INSERT INTO notes VALUES ("ALTER TABLE account DROP COLUMN x");
                # DROP TABLE account;
                INSERT INTO notes VALUES ('it\\'s RENAME TABLE a TO b');
                SELECT `drop` FROM `table`""");
        assertThat(findings).isEmpty();
    }

    @Test
    void anIgnoreCommentBesideTheStatementSilencesTheRuleAndKeepsTheReason() {
        List<Finding> findings = Lint.postgres("""
                SET lock_timeout = '5s';
                -- migrator:lint-ignore dropping-column the 2.3 release stopped reading legacy
                ALTER TABLE account DROP COLUMN legacy;
                ALTER TABLE account DROP COLUMN other; -- migrator:lint-ignore dropping-column,renaming-column gone since 2.1
                ALTER TABLE account DROP COLUMN third;
                INSERT INTO notes VALUES ('-- migrator:lint-ignore dropping-column not a comment');
                ALTER TABLE account DROP COLUMN fourth;
                -- migrator:lint-ignore renaming-column wrong rule
                ALTER TABLE account DROP COLUMN fifth""");
        assertThat(findings).extracting(Finding::ignoredBecause).containsExactly(
                "the 2.3 release stopped reading legacy", "gone since 2.1", null, null, null);
        assertThat(findings.stream().filter(finding -> finding.counts(Severity.INFO))).hasSize(3);
    }

    @Test
    void severityOverridesChangeOrSilenceARule() {
        LintSettings settings = LintSettings.parse(List.of("dropping-column=error", "require-lock-timeout=off"));
        assertThat(settings.severities()).isEqualTo(Map.of("dropping-column", Severity.ERROR,
                "require-lock-timeout", Severity.OFF));
        List<Finding> findings = Linter.create("postgresql", settings)
                .lint(List.of(Lint.script("r1", true, "ALTER TABLE account DROP COLUMN legacy")));
        assertThat(findings).extracting(Finding::rule, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dropping-column", Severity.ERROR));
        assertThatThrownBy(() -> LintSettings.parse(List.of("no-such-rule=error")))
                .hasMessageContaining("No lint rule 'no-such-rule'");
        assertThatThrownBy(() -> LintSettings.parse(List.of("dropping-column=fatal")))
                .hasMessageContaining("error, warning, info or off");
    }

    @Test
    void aNotNullCheckValidatedInAnEarlierRevisionMakesSetNotNullSafe() {
        Linter linter = Linter.create("postgresql", LintSettings.defaults());
        var add = Lint.script("r1", true, "SET lock_timeout = '5s';\n"
                + "ALTER TABLE account ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID");
        var validate = Lint.script("r2", true, "ALTER TABLE account VALIDATE CONSTRAINT email_nn");
        var setNotNull = Lint.script("r3", true, "SET lock_timeout = '5s';\n"
                + "ALTER TABLE account ALTER COLUMN email SET NOT NULL;\nALTER TABLE account ALTER COLUMN name SET NOT NULL");
        List<Finding> findings = linter.lint(List.of(add, validate, setNotNull), script -> script.id().equals("r3"));
        assertThat(findings).extracting(Finding::message).singleElement().asString().contains("account.name");
        assertThat(Lint.rules(linter.lint(List.of(add, setNotNull)))).contains("adding-not-nullable-field");
    }

    @Test
    void lockTimeoutCountsOnlyWhenSetEarlierAndNotReset() {
        assertThat(Lint.rules(Lint.postgres("ALTER TABLE a ADD COLUMN b text;\nSET lock_timeout = '1s'")))
                .contains("require-lock-timeout");
        assertThat(Lint.rules(Lint.postgres("SET LOCAL lock_timeout TO '1s';\nALTER TABLE a ADD COLUMN b text")))
                .doesNotContain("require-lock-timeout");
        assertThat(Lint.rules(Lint.postgres("SET lock_timeout = '1s';\nRESET lock_timeout;\n"
                + "ALTER TABLE a ADD COLUMN b text"))).contains("require-lock-timeout");
    }

    @Test
    void lockTimeoutNamesThePartitionAnAttachLocksAndSkipsRelationsCreatedHere() {
        List<Finding> attach = Lint.postgres("ALTER TABLE ONLY payment ATTACH PARTITION payment_2024 FOR VALUES IN (1)");
        assertThat(attach).extracting(Finding::message).singleElement().asString()
                .startsWith("locks existing partition payment_2024 with no lock_timeout");
        assertThat(Lint.postgres("CREATE TABLE scratch (id bigint);\nTRUNCATE scratch;\nLOCK TABLE scratch")
                .stream().map(Finding::rule)).containsExactly("ban-lock-table");
        assertThat(Lint.postgres("DROP INDEX account_email")).extracting(Finding::message)
                .anyMatch(message -> message.startsWith("locks the table of index account_email"));
    }

    @Test
    void transactionControlIsFineOutsideATransactionalRevision() {
        assertThat(Lint.rules(Lint.run("postgresql", false, "COMMIT"))).doesNotContain("transaction-control");
        assertThat(Lint.rules(Lint.postgres("BEGIN;\nUPDATE a SET b = 1"))).contains("transaction-control");
        assertThat(Lint.rules(Lint.postgres("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;"
                + " END"))).doesNotContain("transaction-control");
    }

    @Test
    void aPsqlMetaCommandIsAScriptErrorNamingTheFileAndLine() {
        assertThatThrownBy(() -> Lint.postgres("SELECT 1;\n\\connect other"))
                .isInstanceOf(ScriptException.class).hasMessageContaining("r1.sql:5");
    }

    @Test
    void rulesFollowTheDialectsSqlFamilyNotItsName() {
        RevisionScript script = Lint.script("r1", true, "CREATE INDEX i ON account (email);");
        // ExampleDialect (a ServiceLoader extension) speaks no family migrator has rules for
        assertThat(Linter.supports(Dialects.byName("exampledb"))).isFalse();
        assertThat(Linter.create("exampledb", LintSettings.defaults()).lint(List.of(script))).isEmpty();
        // the same extension, saying it speaks PostgreSQL (as a CockroachDB or Yugabyte dialect would)
        Dialect example = Dialects.byName("exampledb");
        Dialect postgresCompatible = (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(),
                new Class<?>[] {Dialect.class}, (proxy, method, args) -> method.getName().equals("family")
                        ? SqlFamily.POSTGRESQL : method.invoke(example, args));
        assertThat(Linter.create(postgresCompatible, LintSettings.defaults()).lint(List.of(script)))
                .extracting(Finding::rule).contains("require-concurrent-index-creation");
    }
}
