package dev.migrator.lint;

import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import java.util.List;

/** Builds revision scripts from SQL and lints them, for the rule tests. */
final class Lint {

    private Lint() {
    }

    static RevisionScript script(String id, boolean transactional, String upgrade) {
        return ScriptParser.parse("-- migrator:revision " + id + "\n-- migrator:transactional " + transactional
                + "\n-- migrator:upgrade\n" + upgrade + "\n", id + ".sql");
    }

    static List<Finding> postgres(String upgrade) {
        return run("postgresql", true, upgrade);
    }

    static List<Finding> run(String dialect, boolean transactional, String upgrade) {
        return Linter.create(dialect, LintSettings.defaults()).lint(List.of(script("r1", transactional, upgrade)));
    }

    /** The ids of the rules that found something (ignored findings included). */
    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
