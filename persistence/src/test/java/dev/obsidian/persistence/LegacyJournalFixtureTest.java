package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checked-in embedded journal written by schema version 1 of the counter (see {@link CounterFixtureGenerator}):
 * five events of amounts 1..5 and a snapshot after the third. Today's counter, whose event and state each have
 * an added field, must recover from it.
 */
class LegacyJournalFixtureTest {
  @TempDir Path dataDir;

  /** H2 writes to the file it opens, so each run works on a copy. */
  private void copyFixture() throws Exception {
    Path fixture = Path.of(resource("/fixtures/" + CounterFixtureGenerator.JOURNAL_DATA_DIR));
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path source : files.toList()) {
        Path target = dataDir.resolve(fixture.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static java.net.URI resource(String name) throws URISyntaxException {
    return LegacyJournalFixtureTest.class.getResource(name).toURI();
  }

  @Test
  void fixtureHoldsVersion1EventsAndASnapshot() throws Exception {
    copyFixture();
    String url = "jdbc:h2:file:" + JournalConfig.embedded(dataDir).databasePath() + ";IFEXISTS=TRUE";
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      assertEquals(List.of("1:102", "2:102", "3:102", "4:102", "5:102"), rows(db,
          "select \"sequence_number\", \"event_ser_manifest\" from \"event_journal\" where \"persistence_id\" = 'Counter|fixture' order by 1"));
      assertEquals(List.of("3:103"), rows(db,
          "select \"sequence_number\", \"snapshot_ser_manifest\" from \"snapshot\" where \"persistence_id\" = 'Counter|fixture'"));
    }
  }

  /**
   * Recovery loads the version 1 snapshot (value 1+2+3, no reasons) and replays the two later version 1 events
   * (reason defaulted): had the snapshot been skipped, five reasons would be listed (the list keeps four).
   */
  @Test
  void currentCounterRecoversFromTheVersion1Journal() throws Exception {
    copyFixture();
    ActorTestKit node = JournalContract.startNode(JournalConfig.embedded(dataDir), "legacy");
    try {
      ActorRef<Counter.Command> counter = node.spawn(Counter.create(CounterFixtureGenerator.JOURNAL_ENTITY));
      long expectedValue = CounterFixtureGenerator.JOURNAL_AMOUNTS.stream().mapToLong(Long::longValue).sum();
      assertEquals(new Counter.State(expectedValue, List.of("unspecified", "unspecified")), JournalContract.stateOf(node, counter));
      assertEquals(expectedValue + 10, JournalContract.increment(node, counter, 10, "after upgrade"));
    } finally {
      node.shutdownTestKit();
    }
  }

  private static List<String> rows(Connection db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = db.createStatement().executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getLong(1) + ":" + result.getString(2));
      }
    }
    return rows;
  }
}
