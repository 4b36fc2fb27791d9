package dev.migrator.sample;

import java.time.LocalDateTime;
import java.util.List;

/** A note with its tags, as the API shows it. */
public record Note(long id, String title, String body, boolean pinned, LocalDateTime createdAt, List<String> tags) {
}
