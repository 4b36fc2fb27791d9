package dev.migrator.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same N revisions in each tool's normal format: revision i (1 to N) creates table t{i} with three
 * columns, and every tenth revision also creates an index on it.
 */
final class Scripts {

    private Scripts() {
    }

    /** The statements of revision i, each ending in a semicolon, one a line. */
    static String statements(int i) {
        String sql = "CREATE TABLE t" + i + " (id bigint primary key, name varchar(100), created timestamp);\n";
        if (i % 10 == 0) {
            sql += "CREATE INDEX ix_t" + i + "_name ON t" + i + " (name);\n";
        }
        return sql;
    }

    /** Flyway: {@code V<i>__t<i>.sql}, one versioned migration per revision. */
    static void flyway(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= n; i++) {
            Files.writeString(dir.resolve("V" + i + "__t" + i + ".sql"), statements(i));
        }
    }

    /** Liquibase: one formatted-SQL file per changeset, each included from master.xml in order. */
    static void liquibase(Path dir, int n) throws IOException {
        Path changes = Files.createDirectories(dir.resolve("changes"));
        try (Writer master = Files.newBufferedWriter(dir.resolve("master.xml"), StandardCharsets.UTF_8)) {
            master.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                    + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                    + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                    + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
            for (int i = 1; i <= n; i++) {
                String name = String.format("c%06d.sql", i);
                Files.writeString(changes.resolve(name),
                        "--liquibase formatted sql\n\n--changeset bench:" + i + "\n" + statements(i));
                master.write("  <include file=\"changes/" + name + "\" relativeToChangelogFile=\"true\"/>\n");
            }
            master.write("</databaseChangeLog>\n");
        }
    }

    /** migrator: a straight line, each revision's parent the previous one. */
    static void migrator(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= n; i++) {
            write(dir, i, i == 1 ? "" : id(i - 1));
        }
    }

    /**
     * migrator, a wide graph with truenas/middleware's proportions (one merge and one branch point in five or six
     * revisions; see /work/shared/corpora/alembic-graphs): blocks of six, a branch point p, two branches of two
     * revisions on p, and a merge of both that the next block's branch point builds on; the last revisions, fewer than
     * a block, form a line. One base, one head, N/6 merges, longest path about two thirds of N.
     */
    static void migratorWide(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        String previous = "";
        int i = 1;
        for (; i + 5 <= n; i += 6) {
            write(dir, i, previous);
            write(dir, i + 1, id(i));
            write(dir, i + 2, id(i + 1));
            write(dir, i + 3, id(i));
            write(dir, i + 4, id(i + 3));
            write(dir, i + 5, id(i + 2) + ", " + id(i + 4));
            previous = id(i + 5);
        }
        for (; i <= n; i++) {
            write(dir, i, previous);
            previous = id(i);
        }
    }

    private static void write(Path dir, int i, String down) throws IOException {
        Files.writeString(dir.resolve(id(i) + "_t" + i + ".sql"), "-- migrator:revision " + id(i) + "\n-- migrator:down "
                + down + "\n-- migrator:message table t" + i + "\n\n-- migrator:upgrade\n" + statements(i)
                + "\n-- migrator:downgrade\nDROP TABLE t" + i + ";\n");
    }

    /** psql's floor: one file, one {@code BEGIN; ... COMMIT;} per revision, no bookkeeping. */
    static void psql(Path file, int n) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                out.write("BEGIN;\n" + statements(i) + "COMMIT;\n");
            }
        }
    }

    private static String id(int i) {
        return String.format("r%06d", i);
    }
}
