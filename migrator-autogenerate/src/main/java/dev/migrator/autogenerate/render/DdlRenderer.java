package dev.migrator.autogenerate.render;

import dev.migrator.autogenerate.schema.Change;
import dev.migrator.dialect.Dialect;
import java.util.List;

/**
 * The SQL of a change for one kind of database. The built-in renderers serve the PostgreSQL,
 * MySQL/MariaDB and H2 families; a dialect of another database brings its own, registered in
 * {@code META-INF/services/dev.migrator.autogenerate.render.DdlRenderer}. Implementations are stateless.
 */
public interface DdlRenderer {

    /** Whether this renderer writes SQL for the dialect's database. */
    boolean supports(Dialect dialect);

    /** The statements of one change, without the closing semicolon; comments start with {@code --}. */
    List<String> render(Change change);
}
