package dev.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.script.RevisionScript;
import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.StatementSplitter;
import dev.migrator.testing.Corpora;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pagila schema linted two ways, for the false-positive counts in docs/safety.md: as one revision
 * (everything it touches it creates, so only type advice may appear), and cut into one revision per
 * statement (every later statement then meets an existing relation, as if pagila had grown on a live
 * database), where each finding's statement is checked to be of the shape its rule is about.
 */
class PagilaLintTest {

    private static String pagila;

    @BeforeAll
    static void read() throws Exception {
        pagila = Files.readString(Corpora.file("pagila/pagila-schema.sql"));
    }

    @Test
    void asOneRevisionOnlyTypeAdviceIsFound() {
        List<Finding> findings = Lint.postgres(pagila);
        assertThat(countByRule(findings)).isEqualTo(Map.of("prefer-bigint-over-int", 258L));
        assertThat(findings).allMatch(finding -> finding.severity() == Severity.INFO);
    }

    @Test
    void oneRevisionPerStatementFindsOnlyStatementsOfTheShapeEachRuleIsAbout() {
        List<RevisionScript> revisions = new ArrayList<>();
        for (SqlStatement statement : StatementSplitter.postgresql().split(pagila, 1)) {
            revisions.add(Lint.script("s" + revisions.size(), true, statement.sql() + ";"));
        }
        assertThat(revisions).hasSize(377);
        List<Finding> findings = Linter.create("postgresql", LintSettings.defaults()).lint(revisions);
        assertThat(countByRule(findings)).isEqualTo(Map.of("prefer-bigint-over-int", 258L,
                "require-concurrent-index-creation", 34L, "constraint-missing-not-valid", 36L,
                "disallowed-unique-constraint", 14L, "require-lock-timeout", 211L));
        for (Finding finding : findings) {
            String statement = finding.statement();
            switch (finding.rule()) {
                case "require-concurrent-index-creation" -> assertThat(statement).containsPattern("^CREATE (UNIQUE )?INDEX");
                case "constraint-missing-not-valid" -> assertThat(statement).contains("FOREIGN KEY");
                case "disallowed-unique-constraint" -> assertThat(statement).contains("PRIMARY KEY");
                case "require-lock-timeout" -> assertThat(statement).containsPattern("^(ALTER TABLE|CREATE TRIGGER) ");
                default -> assertThat(finding.rule()).isEqualTo("prefer-bigint-over-int");
            }
        }
    }

    private static Map<String, Long> countByRule(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
    }
}
