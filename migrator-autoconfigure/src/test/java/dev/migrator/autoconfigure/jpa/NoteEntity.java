package dev.migrator.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Maps the {@code note} table of the test scripts, so Hibernate has something to validate. */
@Entity
@Table(name = "note")
public class NoteEntity {

    @Id
    private Integer id;

    private String title;

    protected NoteEntity() {
    }

    public Integer getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
