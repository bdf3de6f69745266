package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.projection.ProjectionBehavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDBC projection on H2 turning tagged counter events into a table. The read model counts applied events, so a
 * replayed or lost event shows; each "run" is a separate ActorSystem on the same data directory.
 */
class ReadModelProjectionTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Config FAST_POLLING = ConfigFactory.parseString("jdbc-read-journal.refresh-interval = 100ms");

  @TempDir Path dataDir;

  @AfterEach
  void resetFault() {
    CounterTotalsHandler.failOnceAtAmount.set(-1);
  }

  /** One node run: journal, read-model store and the projection; closed in reverse order. */
  private final class Run implements AutoCloseable {
    final JournalConfig journal = JournalConfig.embedded(dataDir);
    final ReadModelStore readModels = ReadModelStore.embedded(dataDir);
    final ActorTestKit node;

    Run(String name) throws Exception {
      node = JournalContract.startNode(journal, FAST_POLLING.withFallback(ReadModelStore.projectionConfig()), name);
      readModels.prepare(node.system()).toCompletableFuture().get();
      readModels.inTransaction(connection -> {
        CounterTotalsHandler.createTable(connection);
        return null;
      });
      var projection = readModels.<Counter.Event>exactlyOnce(node.system(), "counter-totals", journal, Counter.TAG, CounterTotalsHandler::new)
          .withRestartBackoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.1);
      node.spawn(ProjectionBehavior.create(projection));
    }

    ActorRef<Counter.Command> counter(String entityId) {
      return node.spawn(Counter.create(entityId));
    }

    void awaitRows(Map<String, CounterTotalsHandler.Row> expected) {
      node.createTestProbe().awaitAssert(PATIENCE, () -> {
        try {
          assertEquals(expected, readModels.inTransaction(CounterTotalsHandler::rows));
        } catch (Exception failure) {
          throw new AssertionError(failure);
        }
        return null;
      });
    }

    @Override
    public void close() {
      node.shutdownTestKit();
      readModels.close();
    }
  }

  @Test
  void secondRunResumesFromTheStoredOffset() throws Exception {
    try (Run first = new Run("first")) {
      var a = first.counter("a");
      var b = first.counter("b");
      for (long amount : new long[] {1, 2, 3}) {
        JournalContract.increment(first.node, a, amount, "x");
      }
      JournalContract.increment(first.node, b, 10, "y");
      first.awaitRows(Map.of("a", new CounterTotalsHandler.Row(6, 3), "b", new CounterTotalsHandler.Row(10, 1)));
    }
    try (Run second = new Run("second")) {
      JournalContract.increment(second.node, second.counter("a"), 4, "z");
      second.awaitRows(Map.of("a", new CounterTotalsHandler.Row(10, 4), "b", new CounterTotalsHandler.Row(10, 1)));
      long storedOffsets = second.readModels.inTransaction(connection -> {
        var result = connection.createStatement().executeQuery(
            "select count(*) from \"pekko_projection_offset_store\" where \"projection_name\" = 'counter-totals'");
        result.next();
        return result.getLong(1);
      });
      assertEquals(1, storedOffsets);
    }
  }

  /** The handler fails after updating the table; the rollback must undo that update along with the offset. */
  @Test
  void failedHandlerRollsBackSoEachEventCountsOnce() throws Exception {
    CounterTotalsHandler.failOnceAtAmount.set(13);
    try (Run run = new Run("faulty")) {
      var c = run.counter("c");
      JournalContract.increment(run.node, c, 5, "before");
      JournalContract.increment(run.node, c, 13, "fails once");
      JournalContract.increment(run.node, c, 7, "after");
      run.awaitRows(Map.of("c", new CounterTotalsHandler.Row(25, 3)));
      assertEquals(-1, CounterTotalsHandler.failOnceAtAmount.get(), "the injected failure happened");
    }
  }
}
