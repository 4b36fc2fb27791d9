package dev.migrator.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes revision scripts into a folder, as a project keeps them. */
public final class ScriptFolder {

    private final Path folder;

    public ScriptFolder(Path folder) {
        this.folder = folder;
    }

    public Path path() {
        return folder;
    }

    public String location() {
        return "filesystem:" + folder;
    }

    /** A revision; {@code downgrade} null makes it irreversible; {@code extraHeader} lines like "branch-labels x". */
    public Path add(String id, List<String> parents, String upgrade, String downgrade, String... extraHeader) {
        StringBuilder text = new StringBuilder("-- migrator:revision ").append(id).append('\n');
        text.append("-- migrator:down ").append(String.join(", ", parents)).append('\n');
        text.append("-- migrator:message revision ").append(id).append('\n');
        for (String line : extraHeader) {
            text.append("-- migrator:").append(line).append('\n');
        }
        text.append("\n-- migrator:upgrade\n").append(upgrade).append('\n');
        if (downgrade != null) {
            text.append("\n-- migrator:downgrade\n").append(downgrade).append('\n');
        }
        return write(id + "_revision.sql", text);
    }

    /** A repeatable revision ({@code -- migrator:repeatable true}): no parents, no downgrade. */
    public Path repeatable(String id, String upgrade) {
        String text = "-- migrator:revision " + id + "\n-- migrator:repeatable true\n-- migrator:message repeatable " + id
                + "\n\n-- migrator:upgrade\n" + upgrade + "\n";
        return write(id + "_repeatable.sql", text);
    }

    private Path write(String name, CharSequence text) {
        Path file = folder.resolve(name);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A revision creating one table {@code t_<id>} and dropping it on the way down. */
    public Path table(String id, String... parents) {
        return add(id, List.of(parents), "CREATE TABLE t_" + id + " (id int);", "DROP TABLE t_" + id + ";");
    }
}
