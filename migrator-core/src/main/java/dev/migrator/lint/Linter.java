package dev.migrator.lint;

import dev.migrator.error.ScriptException;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.Section;
import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.SqlSyntaxException;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.dialect.SqlFamily;
import dev.migrator.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Lints the upgrade sections of revision scripts for one dialect. Pure: reads the scripts' text,
 * connects to nothing.
 *
 * <pre>{@code
 * List<Finding> findings = Linter.create("postgresql", LintSettings.defaults()).lint(scriptsInOrder);
 * }</pre>
 */
public final class Linter {

    private final SqlFamily family;
    private final List<Rule> rules;
    private final StatementSplitter splitter;
    private final Tokenizer tokenizer;

    private Linter(Dialect dialect, List<Rule> rules) {
        this.family = dialect.family();
        this.rules = rules;
        this.splitter = dialect.statementSplitter();
        this.tokenizer = Tokenizer.of(family);
    }

    /** A linter with the rules of the dialect's SQL family, at the settings' severities. */
    public static Linter create(Dialect dialect, LintSettings settings) {
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : Rules.forFamily(dialect.family())) {
            Severity severity = settings.severity(rule);
            if (severity != Severity.OFF) {
                rules.add(rule.withSeverity(severity));
            }
        }
        return new Linter(dialect, List.copyOf(rules));
    }

    /** A linter for the dialect of that name ({@link Dialects#byName}). */
    public static Linter create(String dialect, LintSettings settings) {
        return create(Dialects.byName(dialect), settings);
    }

    /** Whether there are rules for the dialect's SQL family (none for {@link SqlFamily#OTHER}). */
    public static boolean supports(Dialect dialect) {
        return !Rules.forFamily(dialect.family()).isEmpty();
    }

    /** Lints every script; they come in the order they apply (later ones may rely on what earlier ones did). */
    public List<Finding> lint(List<RevisionScript> scripts) {
        return lint(scripts, script -> true);
    }

    /**
     * Reads every script in order, and reports the findings of those {@code reported} accepts: the
     * others still tell later revisions what was done (a CHECK validated in an applied revision).
     */
    public List<Finding> lint(List<RevisionScript> scripts, Predicate<RevisionScript> reported) {
        LintMemory memory = new LintMemory();
        List<Finding> findings = new ArrayList<>();
        for (RevisionScript script : scripts) {
            List<Finding> ofScript = lint(script, memory);
            if (reported.test(script)) {
                findings.addAll(ofScript);
            }
        }
        return List.copyOf(findings);
    }

    private List<Finding> lint(RevisionScript script, LintMemory memory) {
        Section upgrade = script.upgrade();
        List<SqlStatement> statements;
        try {
            statements = splitter.split(upgrade.sql(), upgrade.firstLine());
        } catch (SqlSyntaxException e) {
            throw new ScriptException(script.source(), e.line(), e.problem());
        }
        IgnoreDirectives ignores = IgnoreDirectives.of(upgrade.sql(), upgrade.firstLine(), tokenizer);
        RevisionContext context = new RevisionContext(family, script.transactional(), memory);
        List<Finding> findings = new ArrayList<>();
        @Nullable LintStatement previous = null;
        for (SqlStatement sql : statements) {
            LintStatement statement = new LintStatement(sql.sql(), sql.line(),
                    sql.line() + (int) sql.sql().chars().filter(c -> c == '\n').count(),
                    new TokenRun(tokenizer.tokenize(sql.sql()).tokens()));
            for (Rule rule : rules) {
                for (String message : rule.check().apply(statement, context)) {
                    findings.add(new Finding(script.id(), script.source(), statement.line(), rule.id(),
                            rule.severity(), message, rule.recipe(), statement.excerpt(),
                            ignores.reason(rule.id(), statement, previous)));
                }
            }
            context.observe(statement);
            previous = statement;
        }
        return findings;
    }
}
