package dev.obsidian.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Where events and snapshots live: an embedded H2 database under the node's data directory (sandbox, tests,
 * single node) or an Apache Cassandra cluster. {@link #toConfig()} gives the Pekko settings for the journal,
 * snapshot store and read journal; put it in front of the application config when creating the ActorSystem.
 */
public sealed interface JournalConfig {

  /** An H2 database in {@code dataDir/journal/}, holding events and snapshots. */
  static Embedded embedded(Path dataDir) {
    return new Embedded(dataDir);
  }

  /** A Cassandra cluster whose keyspace and tables were created by an operator (see the module README). */
  static Cassandra cassandra(List<InetSocketAddress> contactPoints, String keyspace, String localDatacenter) {
    return new Cassandra(contactPoints, keyspace, localDatacenter, false);
  }

  /** Pekko settings selecting and configuring the journal, snapshot store and read journal. */
  Config toConfig();

  /** Plugin id for {@code PersistenceQuery.getReadJournalFor}, e.g. for projections. */
  String readJournalPluginId();

  /** Makes the store ready before entities start: creates the embedded tables if missing. */
  CompletionStage<Done> prepare(ActorSystem<?> system);

  record Embedded(Path dataDir) implements JournalConfig {
    public Embedded {
      dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    }

    /** The H2 database path without H2's {@code .mv.db} suffix. */
    public Path databasePath() {
      return dataDir.resolve("journal").resolve("obsidian");
    }

    /** The JDBC URL of the journal's H2 file. */
    public String jdbcUrl() {
      return "jdbc:h2:file:" + databasePath().toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE";
    }

    /**
     * Rewrites the H2 file to its live data (H2's {@code SHUTDOWN COMPACT}). With {@code REUSE_SPACE=FALSE} (below)
     * every commit appends, so a journal of 1,000 blocks of 16 txs had grown to 840 MB for 16 MB of data, and opening
     * it took seconds at the next start. Call after the ActorSystem using the journal has terminated; takes about
     * a second per few hundred MB.
     */
    public void compact() throws java.sql.SQLException {
      if (!java.nio.file.Files.exists(databasePath().resolveSibling(databasePath().getFileName() + ".mv.db"))) {
        return;
      }
      try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(), "sa", "");
          java.sql.Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN COMPACT");
      }
    }

    @Override
    public Config toConfig() {
      // DB_CLOSE_ON_EXIT=FALSE: Pekko closes the pool on shutdown; H2's own hook could close it under in-flight writes.
      // Durability against kill -9 (NodeCrashIT: with H2's defaults, SIGKILL lost events whose persist had already been
      // confirmed): WRITE_DELAY=0 writes each commit to the file before it returns (MVStore has no redo log; the
      // default writes up to 500 ms later), and REUSE_SPACE=FALSE appends every chunk at the end of the file, since
      // with chunks written into reused space recovery after SIGKILL still lost confirmed commits (12 of 96 in a
      // kill-right-after-ack loop, 0 of 176 with it off). Cost: one file write per commit; the file only shrinks on
      // compaction at close, so a long-running embedded journal grows (the cluster journal is Cassandra).
      String url = jdbcUrl();
      return ConfigFactory.parseString("""
          pekko.persistence.journal.plugin = "jdbc-journal"
          pekko.persistence.snapshot-store.plugin = "jdbc-snapshot-store"
          pekko-persistence-jdbc.shared-databases.slick {
            profile = "slick.jdbc.H2Profile$"
            db {
              url = %s
              user = "sa"
              password = ""
              driver = "org.h2.Driver"
              numThreads = 4
              maxConnections = 4
              minConnections = 1
            }
          }
          jdbc-journal.use-shared-db = "slick"
          jdbc-journal.class = "dev.obsidian.persistence.TimedJdbcJournal"
          jdbc-snapshot-store.use-shared-db = "slick"
          jdbc-read-journal.use-shared-db = "slick"
          """.formatted(ConfigUtil.quoteString(url)));
    }

    @Override
    public String readJournalPluginId() {
      return "jdbc-read-journal";
    }

    @Override
    public CompletionStage<Done> prepare(ActorSystem<?> system) {
      return SchemaUtils.createIfNotExists(system);
    }
  }

  /**
   * @param autoCreateForDevelopment let the plugin create keyspace (replication factor 1) and tables on first
   *     use: for tests and local clusters only, never production
   */
  record Cassandra(List<InetSocketAddress> contactPoints, String keyspace, String localDatacenter, boolean autoCreateForDevelopment)
      implements JournalConfig {
    private static final Pattern KEYSPACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

    public Cassandra {
      contactPoints = List.copyOf(Objects.requireNonNull(contactPoints, "contactPoints"));
      if (contactPoints.isEmpty()) {
        throw new IllegalArgumentException("contactPoints must name at least one Cassandra node");
      }
      if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
        throw new IllegalArgumentException("keyspace must be a letter then up to 47 letters, digits or '_', got '" + keyspace + "'");
      }
      if (localDatacenter == null || localDatacenter.isBlank()) {
        throw new IllegalArgumentException("localDatacenter must be set (the driver only routes to one data center)");
      }
    }

    public Cassandra withAutoCreateForDevelopment() {
      return new Cassandra(contactPoints, keyspace, localDatacenter, true);
    }

    @Override
    public Config toConfig() {
      String points = contactPoints.stream()
          .map(point -> ConfigUtil.quoteString(point.getHostString() + ":" + point.getPort()))
          .collect(Collectors.joining(", ", "[", "]"));
      return ConfigFactory.parseString("""
          pekko.persistence.journal.plugin = "pekko.persistence.cassandra.journal"
          pekko.persistence.snapshot-store.plugin = "pekko.persistence.cassandra.snapshot"
          pekko.persistence.cassandra {
            journal { keyspace = %1$s, keyspace-autocreate = %2$s, tables-autocreate = %2$s }
            snapshot { keyspace = %1$s, keyspace-autocreate = %2$s, tables-autocreate = %2$s }
          }
          datastax-java-driver {
            basic.contact-points = %3$s
            basic.load-balancing-policy.local-datacenter = %4$s
            advanced.reconnect-on-init = true
          }
          """.formatted(ConfigUtil.quoteString(keyspace), autoCreateForDevelopment, points, ConfigUtil.quoteString(localDatacenter)));
    }

    @Override
    public String readJournalPluginId() {
      return "pekko.persistence.cassandra.query";
    }

    /**
     * Nothing to do when an operator created the keyspace and tables; in development mode creates them now
     * (replication factor 1), so that reads before the first write find them.
     */
    @Override
    public CompletionStage<Done> prepare(ActorSystem<?> system) {
      if (!autoCreateForDevelopment) {
        return CompletableFuture.completedFuture(Done.getInstance());
      }
      return CompletableFuture.supplyAsync(() -> {
        CassandraSchema.create(contactPoints, localDatacenter, keyspace, 1);
        return Done.getInstance();
      });
    }
  }
}
