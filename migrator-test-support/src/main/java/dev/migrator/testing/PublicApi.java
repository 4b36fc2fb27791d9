package dev.migrator.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import java.util.Set;

/**
 * migrator-core's public API, as docs/api.md lists it: what users, the command line and the
 * auto-configuration may call. Everything else in core is internal and may change in any release.
 * {@link #check(String)} fails when a module's classes use an internal class.
 */
public final class PublicApi {

    /** Whole packages that are API. */
    private static final List<String> PACKAGES = List.of("dev.migrator.config", "dev.migrator.reactive",
            "dev.migrator.error", "dev.migrator.dialect");

    /** API classes (with their nested types) in packages that also hold internals. */
    private static final Set<String> CLASSES = Set.of(
            "dev.migrator.Migrator", "dev.migrator.OfflineScripts",
            "dev.migrator.engine.Command", "dev.migrator.engine.MigrationListener",
            "dev.migrator.engine.MigrationStatus", "dev.migrator.engine.RunResult", "dev.migrator.engine.ScriptCatalog",
            "dev.migrator.plan.Plan", "dev.migrator.plan.Step", "dev.migrator.plan.StepKind",
            "dev.migrator.plan.VersionChange", "dev.migrator.plan.TargetRange",
            "dev.migrator.graph.Revision", "dev.migrator.graph.RevisionGraph", "dev.migrator.graph.RevisionIdOrder",
            "dev.migrator.bookkeeping.HistoryEntry", "dev.migrator.bookkeeping.Direction",
            "dev.migrator.bookkeeping.Outcome",
            "dev.migrator.script.RevisionScript", "dev.migrator.script.Section", "dev.migrator.script.ScriptLocation",
            "dev.migrator.script.NewScript", "dev.migrator.script.ScriptWriter", "dev.migrator.script.ScriptParser",
            "dev.migrator.sql.StatementSplitter", "dev.migrator.sql.SqlStatement",
            "dev.migrator.session.Session",
            "dev.migrator.lint.Linter", "dev.migrator.lint.LintSettings", "dev.migrator.lint.Finding",
            "dev.migrator.lint.Severity", "dev.migrator.lint.Rule",
            "dev.migrator.locks.LockMeasurement", "dev.migrator.locks.StatementLocks");

    private PublicApi() {
    }

    /** Classes of migrator-core that are not part of the API. */
    public static DescribedPredicate<JavaClass> internalToCore() {
        return DescribedPredicate.describe("internal to migrator-core (not in docs/api.md)", PublicApi::isInternal);
    }

    static boolean isInternal(JavaClass type) {
        String name = type.getName();
        int nested = name.indexOf('$');
        String outer = nested < 0 ? name : name.substring(0, nested);
        String pkg = type.getPackageName();
        if (!pkg.startsWith("dev.migrator") || pkg.startsWith("dev.migrator.cli")
                || pkg.startsWith("dev.migrator.autoconfigure") || pkg.startsWith("dev.migrator.autogenerate")
                || pkg.startsWith("dev.migrator.testing")
                || pkg.startsWith("dev.migrator.sample") || pkg.startsWith("dev.migrator.benchmarks")) {
            return false;
        }
        for (String api : PACKAGES) {
            if (pkg.equals(api) || pkg.startsWith(api + ".")) {
                return false;
            }
        }
        return !CLASSES.contains(outer);
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
