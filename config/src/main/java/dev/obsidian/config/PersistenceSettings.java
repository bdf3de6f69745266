package dev.obsidian.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where events are journaled ({@code obsidian.persistence.*}).
 *
 * @param journal the journal implementation
 * @param cassandra the Cassandra journal's settings (used when {@code journal} is {@link JournalKind#CASSANDRA})
 */
public record PersistenceSettings(JournalKind journal, Cassandra cassandra) {
  /** The keyspace form Cassandra accepts unquoted. */
  public static final Pattern KEYSPACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

  /**
   * {@code obsidian.persistence.cassandra.*}.
   *
   * @param contactPoints host:port of the nodes the driver contacts first
   * @param autoCreate create keyspace and tables at first use (development only)
   */
  public record Cassandra(List<HostPort> contactPoints, String keyspace, String localDatacenter, boolean autoCreate) {
    public static final Cassandra DEFAULT = new Cassandra(List.of(new HostPort("127.0.0.1", 9042)), "obsidian",
        "datacenter1", false);

    public Cassandra {
      contactPoints = List.copyOf(contactPoints);
      if (contactPoints.isEmpty()) {
        throw new IllegalArgumentException("contactPoints must name at least one node");
      }
      Objects.requireNonNull(keyspace, "keyspace");
      Objects.requireNonNull(localDatacenter, "localDatacenter");
    }
  }

  public record HostPort(String host, int port) {}

  public PersistenceSettings {
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(cassandra, "cassandra");
  }

  public PersistenceSettings(JournalKind journal) {
    this(journal, Cassandra.DEFAULT);
  }
}
