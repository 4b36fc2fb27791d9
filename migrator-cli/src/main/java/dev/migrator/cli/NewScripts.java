package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.error.ScriptException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.script.NewScript;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import dev.migrator.script.ScriptWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code revision} and {@code merge} share: a fresh or checked id, depends-on resolved to
 * ids, and a graph check of the new script before it is written, so that a bad label or id never
 * leaves a file behind that breaks the next run.
 */
final class NewScripts {

    private NewScripts() {
    }

    static String id(RevisionGraph graph, @Nullable String requested) {
        if (requested == null) {
            String id;
            do {
                id = ScriptWriter.newRevisionId();
            } while (graph.contains(id));
            return id;
        }
        if (!ScriptParser.isRevisionId(requested)) {
            throw new BadInputException("--rev-id '" + requested + "' is not a revision id: use 1 to 64 letters, digits"
                    + " or underscores");
        }
        if (graph.contains(requested)) {
            throw new BadInputException("--rev-id " + requested + " is taken by " + graph.get(requested).source());
        }
        return requested;
    }

    /** Depends-on references as ids; labels stay labels, as they follow the branch. */
    static List<String> dependsOn(RevisionGraph graph, List<String> references) {
        List<String> resolved = new ArrayList<>();
        for (String reference : references) {
            String id = graph.resolve(reference.strip());
            resolved.add(graph.branchLabels().containsKey(reference.strip()) ? reference.strip() : id);
        }
        return resolved;
    }

    /** Checks the new script against the graph, writes it, and returns its path. */
    static Path write(MigratorCli cli, RevisionGraph graph, NewScript script) {
        return write(cli, graph, script, null);
    }

    /**
     * As {@link #write(MigratorCli, RevisionGraph, NewScript)}; with {@code javaClass} the script of a Java
     * revision, whose class name is checked as the parser will read it.
     */
    static Path write(MigratorCli cli, RevisionGraph graph, NewScript script, @Nullable String javaClass) {
        for (String label : script.branchLabels()) {
            if (!ScriptParser.isRevisionId(label)) {
                throw new BadInputException("--branch-label '" + label + "' is not a label: use 1 to 64 letters, digits"
                        + " or underscores");
            }
        }
        Path folder = cli.writeFolder();
        Path file = folder.resolve(ScriptWriter.fileName(script));
        List<Revision> revisions = new ArrayList<>(graph.revisions());
        revisions.add(new Revision(script.id(), script.parents(), script.branchLabels(), script.dependsOn(),
                script.message(), true, file.toString()));
        RevisionGraph.of(revisions);
        for (RevisionScript repeatable : cli.catalog().repeatables()) {
            if (repeatable.id().equals(script.id())) {
                throw new BadInputException("--rev-id " + script.id() + " is taken by the repeatable revision "
                        + repeatable.source());
            }
        }
        ScriptWriter writer = new ScriptWriter();
        if (javaClass != null) {
            try {
                ScriptParser.parse(writer.renderJava(script, javaClass), file.toString());
            } catch (ScriptException e) {
                throw new BadInputException("--java '" + javaClass + "' is not a class name: give the full name of a"
                        + " class that implements dev.migrator.java.JavaRevision, such as com.example.BackfillEmails", e);
            }
        }
        boolean created = !Files.isDirectory(folder);
        Path written = javaClass == null ? writer.write(folder, script) : writer.writeJava(folder, script, javaClass);
        if (created) {
            cli.err().println("note: created the folder " + folder.toAbsolutePath().normalize() + ", which did not exist;"
                    + " if your scripts live elsewhere, give --locations (or set migrator.locations)");
            cli.err().flush();
        }
        return written;
    }
}
