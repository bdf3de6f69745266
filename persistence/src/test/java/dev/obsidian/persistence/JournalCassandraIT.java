package dev.obsidian.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(server.nativeAddress())
        .withLocalDatacenter(CassandraServer.LOCAL_DATACENTER)
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, SLOW_MACHINE_TIMEOUT)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, SLOW_MACHINE_TIMEOUT)
            .build())
        .build()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      for (String statement : tableStatements()) {
        session.execute(statement);
      }
    }
  }

  @AfterAll
  static void stopCassandra() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** The statements of the checked-in {@code cassandra-tables.cql} that README tells operators to run. */
  static List<String> tableStatements() throws Exception {
    try (InputStream in = JournalCassandraIT.class.getResourceAsStream("/dev/obsidian/persistence/cassandra-tables.cql")) {
      String withoutComments = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("--"))
          .reduce("", (all, line) -> all + line + "\n");
      return java.util.Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
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
