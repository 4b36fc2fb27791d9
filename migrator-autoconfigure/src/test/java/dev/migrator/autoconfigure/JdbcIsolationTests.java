package dev.migrator.autoconfigure;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the JDBC stack (Spring's JDBC support, Boot's JDBC module, HikariCP) behind the JDBC
 * auto-configuration, which is guarded by class name: a reactive service on migrator-starter-r2dbc
 * has none of it, and any other class that linked it would fail there. The boot itself is tried
 * in {@link JdbcFreeClassPathTests}; this also covers the code paths that boot does not take.
 */
class JdbcIsolationTests {

    private static final JavaClasses AUTOCONFIGURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migrator.autoconfigure");

    /** Loaded only through MigratorAutoConfiguration, or (the nested class) once the JDBC module is known present. */
    private static final DescribedPredicate<JavaClass> JDBC_ONLY = belongToAnyOf(MigratorAutoConfiguration.class,
            MigrationDatabase.class, MigrationDatabases.class, DedicatedMigrationPool.class, HikariPools.class,
            MigratorSchemaManagementProvider.class)
            .or(name("dev.migrator.autoconfigure.SqlInitializationCheck$JdbcEmbeddedDatabase"));

    @Test
    void onlyTheJdbcAutoConfigurationsClassesTouchTheJdbcStack() {
        noClasses().that(not(JDBC_ONLY)).should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework.jdbc..", "org.springframework.boot.jdbc..", "com.zaxxer.hikari..")
                .check(AUTOCONFIGURE);
    }

    @Test
    void sharedClassesDoNotReachTheJdbcOnes() {
        // SqlInitializationCheck calls its nested JDBC class only after checking that Boot's JDBC module is there.
        noClasses().that(not(JDBC_ONLY)).and().doNotHaveFullyQualifiedName(SqlInitializationCheck.class.getName())
                .should().dependOnClassesThat(JDBC_ONLY).check(AUTOCONFIGURE);
    }
}
