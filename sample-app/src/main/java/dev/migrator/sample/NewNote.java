package dev.migrator.sample;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /notes}. */
public record NewNote(String title, @Nullable String body) {
}
