package dev.migrator.dialect;

import java.util.List;
import java.util.Locale;

/**
 * A dialect for a database migrator does not ship, registered the way a user's would be (in this
 * module's test resources), to show that extensions are found and that built-ins take precedence.
 */
public final class ExampleDialect implements Dialect {

    @Override
    public String name() {
        return "exampledb";
    }

    /** Also claims any URL that mentions it, so that precedence over the built-ins can be shown. */
    @Override
    public boolean accepts(String url) {
        return url.toLowerCase(Locale.ROOT).contains("exampledb");
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    public String currentSchemaQuery() {
        return "SELECT 'main'";
    }

    @Override
    public String currentUserExpression() {
        return "'someone'";
    }

    @Override
    public String createVersionTable(String qualifiedName) {
        return "CREATE TABLE " + qualifiedName + " (version_num varchar(64) PRIMARY KEY)";
    }

    @Override
    public List<String> createHistoryTable(String qualifiedName, String unqualifiedName) {
        return List.of("CREATE TABLE " + qualifiedName + " (id bigint PRIMARY KEY)");
    }

    @Override
    public LockSql lock(String schema, String versionTable) {
        return new LockSql(LockSql.Kind.SESSION, List.of(), "SELECT 1", "");
    }
}
