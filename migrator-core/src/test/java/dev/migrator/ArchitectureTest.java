package dev.migrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** Keeps migrator-core plain Java and its packages layered, as the code grows. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migrator");

    /** A concern's API package and its internal package are one slice (sql with internal.sql). */
    private static final SliceAssignment CONCERNS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String[] parts = type.getPackageName().split("\\.");
            int concern = parts.length > 3 && parts[2].equals("internal") ? 3 : 2;
            return parts.length > concern ? SliceIdentifier.of(parts[concern]) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "core's concerns (dev.migrator.X and dev.migrator.internal.X)";
        }
    };

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
                .and().doNotHaveFullyQualifiedName("dev.migrator.internal.session.R2dbcSession")
                .should().dependOnClassesThat().resideInAnyPackage("reactor..", "io.r2dbc..", "org.reactivestreams..")
                .check(CORE);
    }

    @Test
    void coreConcernsHaveNoCycles() {
        slices().assignedFrom(CONCERNS).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void pureLayersDoNoIo() {
        noClasses().that().resideInAnyPackage("dev.migrator.graph..", "dev.migrator.plan..", "dev.migrator.sql..",
                        "dev.migrator.lint..", "dev.migrator.internal.plan..", "dev.migrator.internal.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.nio.file..", "java.io..", "java.net..")
                .check(CORE);
    }
}
