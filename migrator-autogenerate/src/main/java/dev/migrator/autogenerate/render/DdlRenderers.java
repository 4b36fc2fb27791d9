package dev.migrator.autogenerate.render;

import dev.migrator.dialect.Dialect;
import dev.migrator.error.BadInputException;
import java.util.ServiceLoader;

/** Finds the renderer for a dialect: one registered with ServiceLoader first (it may refine a built-in), then by family. */
public final class DdlRenderers {

    private DdlRenderers() {
    }

    public static DdlRenderer forDialect(Dialect dialect) {
        for (DdlRenderer renderer : ServiceLoader.load(DdlRenderer.class, DdlRenderers.class.getClassLoader())) {
            if (renderer.supports(dialect)) {
                return renderer;
            }
        }
        return switch (dialect.family()) {
            case POSTGRESQL -> new PostgresDdl(dialect);
            case MYSQL -> new MySqlDdl(dialect);
            case H2 -> new H2Ddl(dialect);
            case OTHER -> throw new BadInputException("autogenerate cannot write SQL for the " + dialect.name()
                    + " dialect; register a dev.migrator.autogenerate.render.DdlRenderer for it");
        };
    }
}
