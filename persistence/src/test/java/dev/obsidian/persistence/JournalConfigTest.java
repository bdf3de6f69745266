package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalConfigTest {
  @Test
  void embeddedPointsAllPluginsAtOneH2FileUnderTheDataDir() {
    Config config = JournalConfig.embedded(Path.of("/var/lib/obsidian node")).toConfig();
    assertEquals("jdbc-journal", config.getString("pekko.persistence.journal.plugin"));
    assertEquals("jdbc-snapshot-store", config.getString("pekko.persistence.snapshot-store.plugin"));
    assertEquals("jdbc:h2:file:/var/lib/obsidian node/journal/obsidian;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE",
        config.getString("pekko-persistence-jdbc.shared-databases.slick.db.url"));
    for (String plugin : List.of("jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal")) {
      assertEquals("slick", config.getString(plugin + ".use-shared-db"));
    }
  }

  @Test
  void cassandraNeverAutoCreatesUnlessAskedForDevelopment() {
    var cassandra = JournalConfig.cassandra(List.of(InetSocketAddress.createUnresolved("10.0.0.5", 9042)), "obsidian", "dc-east");
    Config config = cassandra.toConfig();
    assertEquals(List.of("10.0.0.5:9042"), config.getStringList("datastax-java-driver.basic.contact-points"));
    assertEquals("dc-east", config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"));
    assertEquals("obsidian", config.getString("pekko.persistence.cassandra.journal.keyspace"));
    assertEquals("obsidian", config.getString("pekko.persistence.cassandra.snapshot.keyspace"));
    assertFalse(config.getBoolean("pekko.persistence.cassandra.journal.tables-autocreate"));
    assertFalse(config.getBoolean("pekko.persistence.cassandra.snapshot.keyspace-autocreate"));
    assertTrue(cassandra.withAutoCreateForDevelopment().toConfig().getBoolean("pekko.persistence.cassandra.journal.tables-autocreate"));
  }

  @Test
  void badCassandraSettingsAreRefusedByName() {
    var point = List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
    var keyspace = assertThrows(IllegalArgumentException.class, () -> JournalConfig.cassandra(point, "drop table", "dc1"));
    assertTrue(keyspace.getMessage().startsWith("keyspace"), keyspace.getMessage());
    var points = assertThrows(IllegalArgumentException.class, () -> JournalConfig.cassandra(List.of(), "ks", "dc1"));
    assertTrue(points.getMessage().startsWith("contactPoints"), points.getMessage());
    var dc = assertThrows(IllegalArgumentException.class, () -> JournalConfig.cassandra(point, "ks", " "));
    assertTrue(dc.getMessage().startsWith("localDatacenter"), dc.getMessage());
  }
}
