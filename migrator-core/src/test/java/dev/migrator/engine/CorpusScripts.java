package dev.migrator.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns an alembic-graphs TSV into revision scripts, each creating one small table. */
final class CorpusScripts {

    private CorpusScripts() {
    }

    /** Writes one script per revision; returns the ids in file order. */
    static List<String> write(Path tsv, Path folder) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String[] row : rows(tsv)) {
            String id = row[0];
            ids.add(id);
            String table = "t_" + ids.size();
            String text = "-- migrator:revision " + id + "\n"
                    + "-- migrator:down " + row[1] + "\n"
                    + "-- migrator:branch-labels " + row[2] + "\n"
                    + "-- migrator:depends-on " + row[3] + "\n"
                    + "-- migrator:message " + row[4] + "\n\n"
                    + "-- migrator:upgrade\nCREATE TABLE " + table + " (id int);\n\n"
                    + "-- migrator:downgrade\nDROP TABLE " + table + ";\n";
            Files.writeString(folder.resolve(id + ".sql"), text);
        }
        return ids;
    }

    /** Revisions no other revision names as a parent. */
    static Set<String> heads(Path tsv) throws Exception {
        Set<String> ids = new HashSet<>();
        Set<String> parents = new HashSet<>();
        for (String[] row : rows(tsv)) {
            ids.add(row[0]);
            if (!row[1].isEmpty()) {
                parents.addAll(Arrays.asList(row[1].split(",")));
            }
        }
        ids.removeAll(parents);
        return ids;
    }

    private static List<String[]> rows(Path tsv) throws Exception {
        List<String> lines = Files.readAllLines(tsv);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] cells = Arrays.copyOf(l.split("\t", -1), 5);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i] == null ? "" : cells[i].trim();
            }
            return cells;
        }).toList();
    }
}
