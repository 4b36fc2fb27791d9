package dev.migrator.cli;

import dev.migrator.error.GraphException;
import dev.migrator.error.MigratorException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Maps every failure to the exit codes of docs/command-line.md and one line on stderr: 2 for usage
 * errors and bad input, 1 for the database; stack traces only with {@code --verbose}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code of bad input: a script, the graph, a target, an argument, a setting. */
    static final int BAD_INPUT = 2;
    /** Exit code of a database that refused or failed, and of a failed {@code check}. */
    static final int DATABASE = 1;

    private final BooleanSupplier verbose;

    ErrorHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println("error: " + oneLine(ex.getMessage()) + " (see `" + name + " --help`)");
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        int exit;
        if (ex instanceof ParameterException usage) {
            err.println("error: " + oneLine(usage.getMessage()));
            exit = BAD_INPUT;
        } else if (ex instanceof GraphException graph && graph.problems().size() > 1) {
            // Several graph problems read better one per line, so they can all be fixed at once.
            err.println("error: " + graph.getMessage());
            exit = BAD_INPUT;
        } else if (ex instanceof MigratorException failure) {
            err.println("error: " + oneLine(failure.getMessage()));
            exit = switch (failure.kind()) {
                case BAD_INPUT -> BAD_INPUT;
                case DATABASE -> DATABASE;
            };
        } else {
            err.println("error: unexpected " + ex.getClass().getName() + ": " + oneLine(ex.getMessage())
                    + (verbose.getAsBoolean() ? "" : " (run with --verbose for the stack trace)"));
            exit = DATABASE;
        }
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exit;
    }

    /** Database messages can span lines (PostgreSQL's "Position:", "Detail:"); the contract is one. */
    static String oneLine(@org.jspecify.annotations.Nullable String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
