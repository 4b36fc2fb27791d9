package dev.migrator.autogenerate;

import dev.migrator.autogenerate.render.DdlRenderer;
import dev.migrator.autogenerate.schema.Change;
import java.util.List;

/** Fills a new script's sections with the SQL of a diff, and its header with what was compared. */
final class RevisionText {

    private static final String UPGRADE = "-- migrator:upgrade\n";
    private static final String DOWNGRADE = "-- migrator:downgrade\n";

    private RevisionText() {
    }

    static String render(String emptyScript, SchemaDiff diff, DdlRenderer renderer, List<String> header) {
        int upgrade = emptyScript.indexOf(UPGRADE);
        int downgrade = emptyScript.indexOf(DOWNGRADE);
        if (upgrade < 0 || downgrade < upgrade) {
            throw new IllegalStateException("unexpected script layout:\n" + emptyScript);
        }
        StringBuilder out = new StringBuilder(emptyScript.substring(0, upgrade).stripTrailing()).append('\n');
        header.forEach(line -> out.append("-- ").append(line).append('\n'));
        out.append('\n').append(UPGRADE);
        section(out, diff.upgrade(), renderer);
        out.append('\n').append(DOWNGRADE);
        section(out, diff.downgrade(), renderer);
        return out.toString();
    }

    private static void section(StringBuilder out, List<Change> changes, DdlRenderer renderer) {
        if (changes.isEmpty()) {
            out.append("-- nothing to do\n");
        }
        for (Change change : changes) {
            out.append("-- ").append(change.describe()).append('\n');
            for (String statement : renderer.render(change)) {
                out.append(statement).append(statement.startsWith("--") ? "\n" : ";\n");
            }
        }
    }
}
