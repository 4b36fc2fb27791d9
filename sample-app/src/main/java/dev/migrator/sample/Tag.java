package dev.migrator.sample;

/** A tag and how many notes carry it. */
public record Tag(String name, long notes) {
}
