package dev.migrator.dialect;

import dev.migrator.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Finds dialects by name, or from a URL without opening it: the built-in ones first, then any
 * registered with {@link ServiceLoader} (a {@code META-INF/services/dev.migrator.dialect.Dialect}
 * file) for databases migrator does not ship. The class path is scanned only when no built-in
 * dialect fits: the scan opens every jar on it (its cost: docs/performance.md, the no-op).
 */
public final class Dialects {

    /** Every extension found on the class path, looked up once; a racing second lookup is harmless. */
    private static volatile @Nullable List<Dialect> extensions;

    private Dialects() {
    }

    /** The dialects migrator ships, in the order URLs are matched. */
    public static List<Dialect> builtIn() {
        return BuiltIn.DIALECTS;
    }

    /** The built-in dialects, then the extensions. */
    public static List<Dialect> all() {
        List<Dialect> all = new ArrayList<>(builtIn());
        all.addAll(extensions());
        return all;
    }

    /** The dialect called {@code name} (case-insensitive). */
    public static Dialect byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        Dialect found = named(builtIn(), wanted);
        if (found == null) {
            found = named(extensions(), wanted);
        }
        if (found == null) {
            throw new BadInputException("Unknown dialect '" + name + "'; known are " + names(all()));
        }
        return found;
    }

    /** The dialect whose URLs look like {@code url} (JDBC or R2DBC). */
    public static Dialect fromUrl(String url) {
        Dialect found = accepting(builtIn(), url);
        if (found == null) {
            found = accepting(extensions(), url);
        }
        if (found == null) {
            throw new BadInputException("Cannot tell the database from URL '" + redact(url) + "'; migrator supports "
                    + names(all()) + " (or pass the dialect by name)");
        }
        return found;
    }

    private static @Nullable Dialect named(List<Dialect> dialects, String name) {
        for (Dialect dialect : dialects) {
            if (dialect.name().equals(name)) {
                return dialect;
            }
        }
        return null;
    }

    private static @Nullable Dialect accepting(List<Dialect> dialects, String url) {
        for (Dialect dialect : dialects) {
            if (dialect.accepts(url)) {
                return dialect;
            }
        }
        return null;
    }

    private static List<Dialect> extensions() {
        List<Dialect> found = extensions;
        if (found == null) {
            // Not a holder class: a broken service file must fail with its own error every time,
            // not leave a class that can never initialise.
            List<Dialect> loaded = new ArrayList<>();
            for (Dialect dialect : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
                loaded.add(dialect);
            }
            found = List.copyOf(loaded);
            extensions = found;
        }
        return found;
    }

    private static String names(List<Dialect> all) {
        List<String> names = new ArrayList<>();
        for (Dialect dialect : all) {
            names.add(dialect.name());
        }
        return String.join(", ", names);
    }

    /** The URL without any password in it, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^:/@]+:)[^@/]*@", "$1***@");
    }

    /** Created on first use: a class of its own, so that merely naming {@code Dialects} builds nothing. */
    private static final class BuiltIn {
        static final List<Dialect> DIALECTS =
                List.of(new PostgresDialect(), new MariaDbDialect(), new MySqlDialect(), new H2Dialect());
    }
}
