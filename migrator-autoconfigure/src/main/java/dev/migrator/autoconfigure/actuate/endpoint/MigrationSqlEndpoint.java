package dev.migrator.autoconfigure.actuate.endpoint;

import dev.migrator.Migrator;
import dev.migrator.engine.Command;
import dev.migrator.error.BadInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * {@code GET /actuator/migrationsql?from=&to=}: the offline upgrade script from one revision to
 * another, as text for a DBA to review and run. {@code from=current} (the default) reads the
 * database's version rows; nothing here writes to the database. A web endpoint: its answer is a
 * {@link WebEndpointResponse} (text and an HTTP status), which JMX could not carry.
 */
@WebEndpoint(id = "migrationsql")
public class MigrationSqlEndpoint {

    static final String CURRENT = "current";

    private final Migrator migrator;

    public MigrationSqlEndpoint(Migrator migrator) {
        this.migrator = migrator;
    }

    /**
     * @param from {@code current} (the database's revisions), {@code base} or a revision
     * @param to a target: {@code heads} (the default), a revision, a branch label
     */
    @ReadOperation(produces = "text/plain;charset=UTF-8")
    public WebEndpointResponse<String> script(@Nullable String from, @Nullable String to) {
        String start = from == null || from.isBlank() ? CURRENT : from.strip();
        String target = to == null || to.isBlank() ? "heads" : to.strip();
        if (start.contains(":") || target.contains(":")) {
            return badRequest("from and to name one revision each; got from=" + start + ", to=" + target);
        }
        try {
            String script = CURRENT.equals(start) ? migrator.scriptFromCurrent(Command.UPGRADE, target)
                    : migrator.script(migrator.dialect(), Command.UPGRADE, start + ":" + target);
            return new WebEndpointResponse<>(script, WebEndpointResponse.STATUS_OK);
        } catch (BadInputException e) {
            // Unknown revisions, unreachable targets, an unknown revision in the database: the caller's to fix.
            return badRequest(e.getMessage());
        }
    }

    private static WebEndpointResponse<String> badRequest(@Nullable String reason) {
        return new WebEndpointResponse<>(reason == null ? "Bad request" : reason + "\n",
                WebEndpointResponse.STATUS_BAD_REQUEST);
    }
}
