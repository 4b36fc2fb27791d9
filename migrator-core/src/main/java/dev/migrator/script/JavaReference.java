package dev.migrator.script;

import java.util.Objects;

/**
 * What the script of a Java revision declares ({@code -- migrator:java}, {@code -- migrator:java-version}):
 * the class that runs it and the version its checksum comes from.
 *
 * @param className the binary name of a {@link dev.migrator.java.JavaRevision}, as {@code Class.forName} takes it
 * @param version the declared version; changing it changes the revision's checksum, as editing a SQL revision does
 */
public record JavaReference(String className, String version) {

    public JavaReference {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(version, "version");
    }

    /** The simple name, for progress lines. */
    public String simpleName() {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
