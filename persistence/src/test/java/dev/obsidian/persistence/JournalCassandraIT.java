package dev.obsidian.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The journal contract against a real Cassandra 5.0.9 (run with {@code -Pcassandra}). The schema is created as an
 * operator would in production (keyspace, then the checked-in table CQL), not by the plugin's auto-create.
 */
class JournalCassandraIT extends JournalContract {
  static final String KEYSPACE = "obsidian";
  /** Schema changes on a fresh node take seconds on a busy 2-core test machine; the driver's default is 2 s. */
  static final Duration SLOW_MACHINE_TIMEOUT = Duration.ofSeconds(30);
  private static CassandraServer server;

  @BeforeAll
  static void startCassandra() throws Exception {
    server = CassandraServer.start();
    CassandraSchema.create(List.of(server.nativeAddress()), CassandraServer.LOCAL_DATACENTER, KEYSPACE, 1);
  }

  @AfterAll
  static void stopCassandra() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** The statements of the checked-in {@code cassandra-tables.cql} that README tells operators to run. */
  static List<String> tableStatements() {
    return CassandraSchema.tableStatements(KEYSPACE);
  }

  @Override
  Config testOverrides() {
    return ConfigFactory.parseString("datastax-java-driver.basic.request.timeout = " + SLOW_MACHINE_TIMEOUT.toSeconds() + "s");
  }

  @Override
  JournalConfig journal() {
    return JournalConfig.cassandra(List.of(server.nativeAddress()), KEYSPACE, CassandraServer.LOCAL_DATACENTER);
  }
}
