package dev.migrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps migrator-core plain Java and its packages layered, as the code grows. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migrator");

    @Test
    void coreHasNoSpringOrMicrometer() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.micrometer..")
                .check(CORE);
    }

    @Test
    void onlyTheR2dbcSessionAndTheReactiveFacadeTouchReactorOrR2dbc() {
        // Both are optional dependencies: a JDBC service must never load a class that needs them.
        noClasses().that().resideOutsideOfPackage("dev.migrator.reactive..")
                .and().doNotHaveFullyQualifiedName("dev.migrator.session.R2dbcSession")
                .should().dependOnClassesThat().resideInAnyPackage("reactor..", "io.r2dbc..", "org.reactivestreams..")
                .check(CORE);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dev.migrator.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void pureLayersDoNoIo() {
        noClasses().that().resideInAnyPackage("dev.migrator.graph..", "dev.migrator.plan..", "dev.migrator.sql..",
                        "dev.migrator.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.nio.file..", "java.io..", "java.net..")
                .check(CORE);
    }
}
