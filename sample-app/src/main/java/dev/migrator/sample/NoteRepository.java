package dev.migrator.sample;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Notes and tags over JdbcClient; the SQL runs unchanged on H2 and PostgreSQL. */
@Repository
public class NoteRepository {

    private static final String SELECT_NOTES = """
            SELECT n.id, n.title, n.body, n.pinned, n.created_at, nt.tag
            FROM note n LEFT JOIN note_tag nt ON nt.note_id = n.id
            """;

    private final JdbcClient jdbc;

    public NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Note> findAll() {
        return notes(jdbc.sql(SELECT_NOTES + " ORDER BY n.pinned DESC, n.id, nt.tag"));
    }

    public Optional<Note> findById(long id) {
        return notes(jdbc.sql(SELECT_NOTES + " WHERE n.id = :id ORDER BY nt.tag").param("id", id)).stream().findFirst();
    }

    @Transactional
    public Note create(NewNote note) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO note (title, body) VALUES (:title, :body)")
                .param("title", note.title().trim())
                .param("body", note.body() == null ? "" : note.body())
                .update(keys, "id");
        return findById(keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    /** Tags a note, creating the tag on first use; tagging twice is a no-op. */
    @Transactional
    public Optional<Note> tag(long noteId, String tag) {
        if (findById(noteId).isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("INSERT INTO tag (name) SELECT :tag WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = :tag)")
                .param("tag", tag).update();
        jdbc.sql("""
                INSERT INTO note_tag (note_id, tag) SELECT :note, :tag
                WHERE NOT EXISTS (SELECT 1 FROM note_tag WHERE note_id = :note AND tag = :tag)
                """).param("note", noteId).param("tag", tag).update();
        return findById(noteId);
    }

    public List<Tag> tags() {
        return jdbc.sql("""
                SELECT t.name, count(nt.note_id) AS notes FROM tag t LEFT JOIN note_tag nt ON nt.tag = t.name
                GROUP BY t.name ORDER BY t.name
                """).query((rs, row) -> new Tag(rs.getString("name"), rs.getLong("notes"))).list();
    }

    /** One row per note and tag: folds them back into notes, keeping the query's order. */
    private static List<Note> notes(JdbcClient.StatementSpec query) {
        Map<Long, Note> notes = new LinkedHashMap<>();
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        query.query(rs -> {
            long id = rs.getLong("id");
            notes.computeIfAbsent(id, key -> {
                try {
                    Timestamp created = rs.getTimestamp("created_at");
                    return new Note(id, rs.getString("title"), rs.getString("body"), rs.getBoolean("pinned"),
                            created.toLocalDateTime(), List.of());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> noteTags = tags.computeIfAbsent(id, key -> new ArrayList<>());
            String tag = rs.getString("tag");
            if (tag != null) {
                noteTags.add(tag);
            }
        });
        List<Note> result = new ArrayList<>();
        for (Note note : notes.values()) {
            result.add(new Note(note.id(), note.title(), note.body(), note.pinned(), note.createdAt(),
                    List.copyOf(tags.get(note.id()))));
        }
        return result;
    }
}
