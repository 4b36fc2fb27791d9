package dev.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each MariaDB/MySQL rule flags its bad form and not its safe recipe; {@code account} already exists. */
class MySqlRulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("mysql-copying-alter",
                        "ALTER TABLE account MODIFY COLUMN name VARCHAR(500) NOT NULL",
                        "ALTER TABLE account MODIFY COLUMN name VARCHAR(500) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE"),
                Arguments.of("mysql-copying-alter",
                        "ALTER TABLE account ADD COLUMN note TEXT, ALGORITHM=COPY",
                        "ALTER TABLE account ADD COLUMN note TEXT, ALGORITHM=INSTANT"),
                Arguments.of("mysql-copying-alter",
                        "ALTER TABLE account CONVERT TO CHARACTER SET utf8mb4",
                        "ALTER TABLE account DEFAULT CHARACTER SET utf8mb4, ALGORITHM=INSTANT"),
                Arguments.of("mysql-copying-alter",
                        "ALTER TABLE account ADD INDEX (email), LOCK=SHARED",
                        "ALTER TABLE account ADD INDEX (email), ALGORITHM=INPLACE, LOCK=NONE"),
                Arguments.of("mysql-algorithm-unspecified",
                        "ALTER TABLE account ADD COLUMN note TEXT",
                        "ALTER TABLE account ADD COLUMN note TEXT, ALGORITHM=INSTANT"),
                Arguments.of("mysql-algorithm-unspecified",
                        "CREATE INDEX account_email ON account (email)",
                        "CREATE INDEX account_email ON account (email) ALGORITHM=INPLACE LOCK=NONE"),
                Arguments.of("mysql-algorithm-unspecified",
                        "DROP INDEX account_email ON account",
                        "DROP INDEX account_email ON account ALGORITHM = INPLACE LOCK = NONE"),
                Arguments.of("mysql-algorithm-unspecified",
                        "ALTER TABLE account ADD INDEX (email), ALGORITHM=INPLACE",
                        "CREATE TABLE t (id BIGINT);\nALTER TABLE t ADD INDEX (id)"),
                Arguments.of("renaming-column",
                        "ALTER TABLE account RENAME COLUMN name TO full_name, ALGORITHM=INSTANT",
                        "ALTER TABLE account ADD COLUMN full_name TEXT, ALGORITHM=INSTANT"),
                Arguments.of("renaming-column",
                        "ALTER TABLE account CHANGE name full_name VARCHAR(100), ALGORITHM=INPLACE, LOCK=NONE",
                        "ALTER TABLE account CHANGE name name VARCHAR(100), ALGORITHM=INPLACE, LOCK=NONE"),
                Arguments.of("renaming-table",
                        "RENAME TABLE account TO customer",
                        "CREATE TABLE t (id BIGINT);\nRENAME TABLE t TO customer"),
                Arguments.of("renaming-table",
                        "ALTER TABLE account RENAME customer",
                        "ALTER TABLE account RENAME INDEX a TO b, ALGORITHM=INPLACE, LOCK=NONE"),
                Arguments.of("dropping-column",
                        "ALTER TABLE account DROP legacy, ALGORITHM=INPLACE, LOCK=NONE",
                        "ALTER TABLE account DROP INDEX legacy, ALGORITHM=INPLACE, LOCK=NONE"),
                Arguments.of("dropping-table",
                        "DROP TABLE account",
                        "CREATE TABLE s (id BIGINT);\nDROP TABLE s"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void flagsTheBadFormAndNotTheRecipe(String rule, String bad, String safe) {
        assertThat(Lint.rules(Lint.run("mariadb", true, bad))).as(bad).contains(rule);
        assertThat(Lint.rules(Lint.run("mariadb", true, safe))).as(safe).doesNotContain(rule);
    }
}
