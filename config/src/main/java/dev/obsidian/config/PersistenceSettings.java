package dev.obsidian.config;

import java.util.Objects;

/**
 * Where events are journaled ({@code obsidian.persistence.*}).
 *
 * @param journal the journal implementation
 */
public record PersistenceSettings(JournalKind journal) {

  public PersistenceSettings {
    Objects.requireNonNull(journal, "journal");
  }
}
