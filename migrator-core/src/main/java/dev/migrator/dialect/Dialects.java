package dev.migrator.dialect;

import dev.migrator.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/** Finds dialects registered with {@link ServiceLoader}: by name, or from a URL without opening it. */
public final class Dialects {

    /** Every registered dialect, looked up once (a lookup scans the class path); a racing second lookup is harmless. */
    private static volatile @Nullable List<Dialect> registered;

    private Dialects() {
    }

    public static List<Dialect> all() {
        List<Dialect> all = registered;
        if (all == null) {
            // Not a holder class: a broken service file must fail with its own error every time,
            // not leave a class that can never initialise.
            List<Dialect> loaded = new ArrayList<>();
            for (Dialect dialect : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
                loaded.add(dialect);
            }
            all = List.copyOf(loaded);
            registered = all;
        }
        return all;
    }

    /** The dialect called {@code name} (case-insensitive). */
    public static Dialect byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<Dialect> all = all();
        for (Dialect dialect : all) {
            if (dialect.name().equals(wanted)) {
                return dialect;
            }
        }
        throw new BadInputException("Unknown dialect '" + name + "'; known are " + names(all));
    }

    /** The dialect whose URLs look like {@code url} (JDBC or R2DBC). */
    public static Dialect fromUrl(String url) {
        List<Dialect> all = all();
        for (Dialect dialect : all) {
            if (dialect.accepts(url)) {
                return dialect;
            }
        }
        throw new BadInputException("Cannot tell the database from URL '" + redact(url) + "'; migrator supports "
                + names(all) + " (or pass the dialect by name)");
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
}
