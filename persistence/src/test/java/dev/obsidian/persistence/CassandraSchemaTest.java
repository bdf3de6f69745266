package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.junit.jupiter.api.Test;

/** The table CQL shipped for operators is exactly what the Cassandra plugin on the classpath expects. */
class CassandraSchemaTest {
  private static String normalized(String statement) {
    return statement.replaceAll("\\s+", " ").strip();
  }

  @Test
  void shippedTableCqlMatchesThePlugin() throws Exception {
    var journal = JournalConfig.cassandra(List.of(java.net.InetSocketAddress.createUnresolved("127.0.0.1", 9042)),
        JournalCassandraIT.KEYSPACE, CassandraServer.LOCAL_DATACENTER);
    ActorTestKit node = ActorTestKit.create("schema", journal.toConfig().withFallback(com.typesafe.config.ConfigFactory.load()));
    try {
      var plugin = new KeyspaceAndTableStatements(node.system(), "pekko.persistence.cassandra",
          PluginSettings.apply(node.system().classicSystem()));
      List<String> expected = new ArrayList<>(plugin.getCreateJournalTablesStatements());
      expected.addAll(plugin.getCreateSnapshotTablesStatements());
      assertEquals(expected.stream().map(CassandraSchemaTest::normalized).toList(),
          JournalCassandraIT.tableStatements().stream().map(CassandraSchemaTest::normalized).toList());
    } finally {
      node.shutdownTestKit();
    }
  }
}
