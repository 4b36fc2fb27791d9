package dev.migrator.sample;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /notes} and {@code /tags}. */
@RestController
public class NoteController {

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final NoteRepository notes;

    public NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    public List<Note> notes() {
        return notes.findAll();
    }

    @GetMapping("/notes/{id}")
    public Note note(@PathVariable long id) {
        return notes.findById(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/notes")
    public ResponseEntity<Note> create(@RequestBody NewNote note) {
        if (note.title() == null || note.title().isBlank() || note.title().length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "title must be 1 to 200 characters");
        }
        Note created = notes.create(note);
        return ResponseEntity.created(URI.create("/notes/" + created.id())).body(created);
    }

    @PostMapping("/notes/{id}/tags/{tag}")
    public Note tag(@PathVariable long id, @PathVariable String tag) {
        String name = tag.toLowerCase(Locale.ROOT);
        if (!TAG.matcher(name).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a tag is 1 to 64 letters, digits or dashes");
        }
        return notes.tag(id, name).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/tags")
    public List<Tag> tags() {
        return notes.tags();
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no note " + id);
    }
}
