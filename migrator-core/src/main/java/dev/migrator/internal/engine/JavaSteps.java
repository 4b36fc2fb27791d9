package dev.migrator.internal.engine;

import dev.migrator.engine.Command;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.internal.session.OfflineSession;
import dev.migrator.java.JavaRevision;
import dev.migrator.java.JavaRevisionResolver;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import dev.migrator.script.JavaReference;
import dev.migrator.script.RevisionScript;
import dev.migrator.session.Session;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java revisions of one run: refused on a session without a JDBC connection (offline, R2DBC) and
 * resolved to their objects before anything runs, then run on the session's connection.
 */
final class JavaSteps {

    private final ScriptCatalog catalog;
    private final JavaRevisionResolver resolver;
    private final Map<String, JavaRevision> resolved = new HashMap<>();

    JavaSteps(ScriptCatalog catalog, JavaRevisionResolver resolver) {
        this.catalog = catalog;
        this.resolver = resolver;
    }

    /**
     * Checks that the session can run the plan's Java revisions and creates their objects, so that a
     * missing class, or a script an offline run cannot render, changes nothing. A stamp runs no code.
     */
    void prepare(Session session, List<Step> steps) {
        for (Step step : steps) {
            RevisionScript script = catalog.script(step.revision().id());
            JavaReference java = script.java();
            if (java == null || step.kind() == StepKind.STAMP || resolved.containsKey(script.id())) {
                continue;
            }
            if (session.jdbcConnection().isEmpty()) {
                throw new BadInputException(refusal(session, step, script, java));
            }
            try {
                resolved.put(script.id(), resolver.resolve(java.className()));
            } catch (Exception e) {
                throw new BadInputException("Java revision " + script.id() + " (" + script.source() + "): "
                        + e.getMessage() + ". Nothing was applied.", e);
            }
        }
    }

    private static String refusal(Session session, Step step, RevisionScript script, JavaReference java) {
        String id = script.id();
        String parents = step.revision().parents().isEmpty() ? "base" : String.join(",", step.revision().parents());
        String what = "Revision " + id + " (" + script.source() + ") is a Java revision (" + java.className() + "), ";
        if (session instanceof OfflineSession) {
            return what + "which runs only online: an offline script cannot hold what its code does, and nothing was"
                    + " written. " + (step.kind() == StepKind.UPGRADE
                    ? "Render the script up to it (upgrade --sql START:" + parents + "), let the application (or"
                            + " `migrator upgrade " + id + "` with --class-path) apply it, then render the rest from"
                            + " it (upgrade --sql " + id + ":END)."
                    : "Render the downgrade down to it (downgrade --sql START:" + id + "), downgrade it online"
                            + " (`migrator downgrade " + parents + "`), then render the rest.");
        }
        return what + "which needs a JDBC connection; this session (" + session.getClass().getSimpleName() + ") has"
                + " none, so nothing was applied. Over R2DBC, migrate this database over JDBC (a DataSource; in Spring"
                + " Boot migrator.url with a JDBC driver), or " + Command.direction(step.kind()) + " it there once.";
    }

    /** Runs the revision's code on the session's connection, guarded against ending the transaction. */
    void run(Session session, Step step, RevisionScript script, String onFailure) {
        JavaRevision revision = resolved.get(script.id());
        Connection connection = session.jdbcConnection().orElseThrow();
        if (revision == null) {
            throw new IllegalStateException("Java revision " + script.id() + " was not prepared");
        }
        Connection guarded = GuardedConnection.of(connection, script.id());
        try {
            if (step.kind() == StepKind.DOWNGRADE) {
                revision.downgrade(guarded);
            } else {
                revision.upgrade(guarded);
            }
        } catch (Exception e) {
            throw new MigrationFailedException(script.id(), script.source(), 0, Command.direction(step.kind())
                    + " of Java revision " + script.id() + " (" + script.java().className() + ", " + script.source()
                    + ") failed: " + e + ". " + onFailure, e);
        }
    }
}
