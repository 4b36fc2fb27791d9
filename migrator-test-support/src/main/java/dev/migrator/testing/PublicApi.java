package dev.migrator.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * migrator-core's public API, as docs/api.md describes it: every public type outside
 * {@code dev.migrator.internal}. The internal packages hold what core's own packages share; they are
 * public in Java only for that and may change in any release. {@link #check(String)} fails when a
 * module's classes use one of them.
 */
public final class PublicApi {

    /** The internal packages of core, as an ArchUnit package pattern. */
    public static final String INTERNAL_PACKAGES = "dev.migrator.internal..";

    private PublicApi() {
    }

    /** Classes of migrator-core that are not part of the API. */
    public static DescribedPredicate<JavaClass> internalToCore() {
        return DescribedPredicate.describe("internal to migrator-core (in dev.migrator.internal)",
                type -> type.getPackageName().startsWith("dev.migrator.internal"));
    }

    /** Fails when a class below {@code modulePackage} (main code) depends on an internal class of core. */
    public static void check(String modulePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(modulePackage);
        ArchRuleDefinition.noClasses().that().resideInAPackage(modulePackage + "..")
                .should().dependOnClassesThat(internalToCore())
                .check(classes);
    }
}
