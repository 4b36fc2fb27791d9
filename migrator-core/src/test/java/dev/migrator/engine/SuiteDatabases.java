package dev.migrator.engine;

import dev.migrator.testing.DatabaseKind;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The databases an engine-suite test runs on: every kind over JDBC, HSQLDB (a dialect from the
 * SPI) included; over R2DBC all but HSQLDB, which has no R2DBC driver.
 */
class SuiteDatabases implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        boolean overR2dbc = OverR2dbc.class.isAssignableFrom(context.getRequiredTestClass());
        return Arrays.stream(DatabaseKind.values())
                .filter(kind -> !overR2dbc || kind != DatabaseKind.HSQLDB)
                .filter(this::includes)
                .map(Arguments::of);
    }

    boolean includes(DatabaseKind kind) {
        return true;
    }

    /** A suite's R2DBC half, which leaves HSQLDB out. */
    interface OverR2dbc {
    }

    /** The built-in dialects' databases: PostgreSQL, MariaDB and H2. */
    static final class BuiltInDialects extends SuiteDatabases {

        @Override
        boolean includes(DatabaseKind kind) {
            return kind != DatabaseKind.HSQLDB;
        }
    }

    /** The databases whose DDL commits at once (all but PostgreSQL). */
    static final class WithoutTransactionalDdl extends SuiteDatabases {

        @Override
        boolean includes(DatabaseKind kind) {
            return kind != DatabaseKind.POSTGRESQL;
        }
    }
}
