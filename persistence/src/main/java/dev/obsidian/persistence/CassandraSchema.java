package dev.obsidian.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The journal's Cassandra schema as an operator creates it: the keyspace, then the shipped
 * {@code cassandra-tables.cql} (the plugin's own DDL, checked by CassandraSchemaTest). Used for development servers
 * ({@code obsidian cassandra start}), tests, and {@link JournalConfig.Cassandra#withAutoCreateForDevelopment()};
 * production keyspaces are created by hand with the replication they need (persistence/README.md).
 */
public final class CassandraSchema {
  /** Schema changes on a fresh node take seconds on a busy machine; the driver's default is 2 s. */
  public static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(60);
  private static final String SHIPPED_KEYSPACE = "obsidian.";

  private CassandraSchema() {}

  /** Creates, if missing, {@code keyspace} with SimpleStrategy and {@code replicationFactor}, then the tables. */
  public static void create(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
      int replicationFactor) {
    try (CqlSession session = CqlSession.builder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(localDatacenter)
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, SCHEMA_TIMEOUT)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, SCHEMA_TIMEOUT)
            .build())
        .build()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}");
      for (String statement : tableStatements(keyspace)) {
        session.execute(statement);
      }
    }
  }

  /** The statements of the shipped {@code cassandra-tables.cql}, for {@code keyspace}. */
  public static List<String> tableStatements(String keyspace) {
    try (InputStream in = CassandraSchema.class.getResourceAsStream("/dev/obsidian/persistence/cassandra-tables.cql")) {
      String withoutComments = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("--"))
          .reduce("", (all, line) -> all + line + "\n");
      return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty())
          .map(statement -> statement.replace(SHIPPED_KEYSPACE, keyspace + ".")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped cassandra-tables.cql: " + e.getMessage(), e);
    }
  }
}
