package dev.migrator.lint;

import dev.migrator.dialect.SqlFamily;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the statements before the current one did in this revision, as far as the rules care: a table
 * created here has no readers yet, a {@code lock_timeout} set here bounds the waits that follow.
 * {@link #observe} is called after the rules have seen a statement.
 */
final class RevisionContext {

    private final SqlFamily family;
    private final boolean transactional;
    private final LintMemory memory;
    private final Set<String> createdTables = new HashSet<>();
    private final Map<String, String> createdIndexes = new HashMap<>();
    private final Set<String> notValidConstraints = new HashSet<>();
    private boolean lockTimeoutSet;
    private int workStatements;

    RevisionContext(SqlFamily family, boolean transactional, LintMemory memory) {
        this.family = family;
        this.transactional = transactional;
        this.memory = memory;
    }

    boolean postgres() {
        return family == SqlFamily.POSTGRESQL;
    }

    boolean transactional() {
        return transactional;
    }

    /** Whether the table existed before this revision (so others may be reading and writing it now). */
    boolean existing(String table) {
        return !createdTables.contains(table);
    }

    /** Whether the index was created in this revision, or belongs to a table that was. */
    boolean createdHere(String index) {
        String table = createdIndexes.get(index);
        return table != null;
    }

    boolean lockTimeoutSet() {
        return lockTimeoutSet;
    }

    /** How many statements other than SET came before this one. */
    int workStatementsBefore() {
        return workStatements;
    }

    boolean addedNotValid(String constraint) {
        return notValidConstraints.contains(constraint);
    }

    LintMemory memory() {
        return memory;
    }

    void observe(LintStatement statement) {
        TokenRun tokens = statement.tokens();
        String table = Ddl.createdRelation(tokens);
        if (table != null) {
            createdTables.add(table);
        }
        Ddl.CreateIndex index = Ddl.createIndex(tokens);
        if (index != null && index.name() != null) {
            createdIndexes.put(index.name(), index.table());
        }
        Boolean timeout = Ddl.setsLockTimeout(tokens);
        if (timeout != null) {
            lockTimeoutSet = timeout;
        }
        AlterTable alter = AlterTable.of(tokens);
        if (alter != null) {
            for (TokenRun clause : alter.clauses()) {
                observeClause(alter.table(), clause);
            }
        }
        if (!Ddl.isSessionSetting(tokens)) {
            workStatements++;
        }
    }

    private void observeClause(String table, TokenRun clause) {
        if (clause.startsWith("add", "constraint") && clause.size() > 2) {
            String name = clause.get(2).text();
            String checked = Ddl.notNullCheckColumn(clause);
            boolean notValid = clause.hasTop("not", "valid");
            if (notValid) {
                notValidConstraints.add(name);
            }
            if (checked != null) {
                memory.notNullCheck(name, table, checked, !notValid);
            }
        } else if (clause.startsWith("validate", "constraint") && clause.size() > 2) {
            memory.validated(clause.get(2).text());
        } else if (clause.startsWith("rename", "to") || clause.startsWith("rename", "as")) {
            TokenRun.Name renamed = clause.name(2);
            if (renamed != null && !existing(table)) {
                createdTables.add(renamed.text());
            }
        }
    }
}
