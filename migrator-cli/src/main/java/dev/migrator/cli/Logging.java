package dev.migrator.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps stderr for errors: core's warnings (through java.util.logging) as one line each,
 * Hikari's SLF4J logging off; {@code --verbose} turns both up.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        // slf4j-simple reads these when Hikari first logs, which is after the arguments are parsed.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler handler = new ConsoleHandler();
        Level level = verbose ? Level.FINE : Level.WARNING;
        handler.setLevel(level);
        handler.setFormatter(new OneLine());
        root.addHandler(handler);
        root.setLevel(level);
    }

    /** {@code warning: message}, one line. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String level = record.getLevel().intValue() >= Level.WARNING.intValue() ? "warning" : "info";
            return level + ": " + formatMessage(record) + System.lineSeparator();
        }
    }
}
