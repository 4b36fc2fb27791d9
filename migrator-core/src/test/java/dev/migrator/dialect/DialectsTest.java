package dev.migrator.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectsTest {

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://db:5432/app, postgresql",
        "JDBC:POSTGRESQL://db/app, postgresql",
        "r2dbc:postgresql://db/app, postgresql",
        "r2dbc:pool:postgresql://db/app, postgresql",
        "jdbc:mariadb://db:3306/app, mariadb",
        "r2dbc:mariadb://db/app, mariadb",
        "jdbc:mysql://db/app, mysql",
        "jdbc:h2:mem:test, h2",
        "r2dbc:h2:mem:///test, h2"
    })
    void dialectComesFromTheUrlAlone(String url, String dialect) {
        assertThat(Dialects.fromUrl(url).name()).isEqualTo(dialect);
    }

    @Test
    void unknownUrlIsBadInputListingTheDialects() {
        assertThatThrownBy(() -> Dialects.fromUrl("jdbc:oracle:thin:@x"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("postgresql").hasMessageContaining("mariadb").hasMessageContaining("h2")
                .hasMessageContaining("exampledb");
    }

    @Test
    void byNameIsCaseInsensitiveAndRejectsUnknownNames() {
        assertThat(Dialects.byName("MariaDB").name()).isEqualTo("mariadb");
        assertThatThrownBy(() -> Dialects.byName("sqlite")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("sqlite");
    }

    @Test
    void extensionsRegisteredWithServiceLoaderAreFoundAfterTheBuiltIns() {
        // ExampleDialect and HsqldbDialect are registered in this module's test resources, as a user's would be.
        assertThat(Dialects.fromUrl("jdbc:exampledb://db/app")).isInstanceOf(ExampleDialect.class);
        assertThat(Dialects.byName("ExampleDB")).isInstanceOf(ExampleDialect.class);
        assertThat(Dialects.all()).extracting(Dialect::name)
                .containsExactly("postgresql", "mariadb", "mysql", "h2", "exampledb", "hsqldb");
        assertThat(Dialects.builtIn()).extracting(Dialect::name).containsExactly("postgresql", "mariadb", "mysql", "h2");
    }

    @Test
    void aBuiltInDialectWinsOverAnExtensionThatAcceptsTheSameUrl() {
        assertThat(Dialects.fromUrl("jdbc:postgresql://exampledb:5432/app")).isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.fromUrl("jdbc:h2:mem:exampledb")).isInstanceOf(H2Dialect.class);
    }

    @Test
    void redactHidesPasswordsInUrls() {
        assertThat(Dialects.redact("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(Dialects.redact("postgresql://bob:secret@h:5432/db")).isEqualTo("postgresql://bob:***@h:5432/db");
    }

    @Test
    void advisoryLockKeyIsFnv1aOfTheSchemaAndTable() {
        // Expected values computed outside Java (FNV-1a 64, published vectors for "" and "a"): a change
        // here would let an old and a new migrator version run at once against one schema.
        assertThat(LockKeys.of("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(LockKeys.of("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(LockKeys.of("migrator:public.migrator_version")).isEqualTo(0x680740aade588279L);
    }

    @Test
    void postgresLockStatementsCarryTheKeyOfTheirSchemaAndTable() {
        LockSql lock = Dialects.byName("postgresql").lock("public", "migrator_version");
        assertThat(lock.tryAcquire()).isEqualTo("SELECT pg_try_advisory_lock(7496031207400440441)");
        assertThat(lock.release()).isEqualTo("SELECT pg_advisory_unlock(7496031207400440441)");
    }

    @Test
    void differentSchemasAndTablesTakeDifferentLocks() {
        Dialect postgres = Dialects.byName("postgresql");
        assertThat(List.of(postgres.lock("public", "migrator_version"), postgres.lock("app", "migrator_version"),
                postgres.lock("public", "other_version"), postgres.lock("publi", "cmigrator_version")))
                .extracting(LockSql::tryAcquire).doesNotHaveDuplicates();
        Dialect mariadb = Dialects.byName("mariadb");
        assertThat(List.of(mariadb.lock("public", "migrator_version"), mariadb.lock("app", "migrator_version"),
                mariadb.lock("public", "other_version")))
                .extracting(LockSql::tryAcquire).doesNotHaveDuplicates();
    }

    @Test
    void mysqlLockNamesFitGetLocksSixtyFourCharactersByHashingLongNames() {
        Dialect mariadb = Dialects.byName("mariadb");
        assertThat(mariadb.lock("app", "migrator_version").tryAcquire())
                .isEqualTo("SELECT GET_LOCK('migrator:app.migrator_version', 0)");
        // 66 characters: hashed (FNV-1a 64 of the full name, in hex, computed outside Java).
        LockSql longName = mariadb.lock("s".repeat(40), "migrator_version");
        assertThat(longName.tryAcquire()).isEqualTo("SELECT GET_LOCK('migrator:256580c24df780fa', 0)");
        assertThat(longName.release()).isEqualTo("SELECT RELEASE_LOCK('migrator:256580c24df780fa')");
    }

    @Test
    void mysqlLiteralsWithBackslashesUseHexSoSqlModeDoesNotMatter() {
        Dialect mariadb = Dialects.byName("mariadb");
        assertThat(mariadb.stringLiteral("it's")).isEqualTo("'it''s'");
        assertThat(mariadb.stringLiteral("a\\b")).isEqualTo("_utf8mb4 X'615c62'");
    }
}
