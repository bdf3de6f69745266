package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;

/**
 * What every journal must do for Obsidian, run against each implementation: the embedded H2 store in the
 * default build ({@link EmbeddedJournalTest}) and a real Cassandra with {@code -Pcassandra} ({@link JournalCassandraIT}).
 * A "node" is an ActorSystem; restarting one is terminating it and starting another on the same store.
 */
abstract class JournalContract {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The store under test; the same value for every node started within one test. */
  abstract JournalConfig journal();

  /** Settings a test environment needs on top of the journal's (e.g. longer timeouts on a slow machine). */
  Config testOverrides() {
    return ConfigFactory.empty();
  }

  ActorTestKit startNode(String name) throws Exception {
    return startNode(journal(), testOverrides(), name);
  }

  static ActorTestKit startNode(JournalConfig journal, String name) throws Exception {
    return startNode(journal, ConfigFactory.empty(), name);
  }

  static ActorTestKit startNode(JournalConfig journal, Config overrides, String name) throws Exception {
    Config config = overrides.withFallback(journal.toConfig()).withFallback(ConfigFactory.load());
    ActorTestKit node = ActorTestKit.create(name, config);
    journal.prepare(node.system()).toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return node;
  }

  static long increment(ActorTestKit node, ActorRef<Counter.Command> counter, long amount, String reason) {
    TestProbe<StatusReply<Long>> probe = node.createTestProbe();
    counter.tell(new Counter.Increment(amount, reason, probe.getRef()));
    return probe.receiveMessage(TIMEOUT).getValue();
  }

  static Counter.State stateOf(ActorTestKit node, ActorRef<Counter.Command> counter) {
    TestProbe<Counter.State> probe = node.createTestProbe();
    counter.tell(new Counter.GetState(probe.getRef()));
    return probe.receiveMessage(TIMEOUT);
  }

  static ActorRef<Counter.Command> spawn(ActorTestKit node, Behavior<Counter.Command> counter) {
    return node.spawn(counter);
  }

  List<EventEnvelope> currentEvents(ActorTestKit node, String persistenceId) throws Exception {
    CurrentEventsByPersistenceIdQuery query = PersistenceQuery.get(node.system())
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, journal().readJournalPluginId());
    return query.currentEventsByPersistenceId(persistenceId, 0, Long.MAX_VALUE)
        .runWith(Sink.seq(), node.system())
        .toCompletableFuture()
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void newNodeRecoversStateWrittenByTheLastOne() throws Exception {
    ActorTestKit first = startNode("first");
    try {
      ActorRef<Counter.Command> counter = spawn(first, Counter.create("restart"));
      assertEquals(5, increment(first, counter, 5, "a"));
      assertEquals(12, increment(first, counter, 7, "b"));
      assertEquals(23, increment(first, counter, 11, "c"));
    } finally {
      first.shutdownTestKit();
    }
    ActorTestKit second = startNode("second");
    try {
      ActorRef<Counter.Command> counter = spawn(second, Counter.create("restart"));
      assertEquals(new Counter.State(23, List.of("a", "b", "c")), stateOf(second, counter));
      assertEquals(24, increment(second, counter, 1, "d"));
    } finally {
      second.shutdownTestKit();
    }
  }

  /**
   * With events before the last snapshots deleted, only the snapshot store can supply the early sum: a broken
   * snapshot store recovers 4+5+6+7 = 22 instead of 28.
   */
  @Test
  void recoveryStartsFromTheSnapshotWhenOlderEventsAreDeleted() throws Exception {
    RetentionCriteria everyThree = RetentionCriteria.snapshotEvery(3, 1).withDeleteEventsOnSnapshot();
    String persistenceId = "Counter|snapshotted";
    ActorTestKit first = startNode("first");
    try {
      ActorRef<Counter.Command> counter = spawn(first, Counter.create("snapshotted", everyThree));
      for (long amount = 1; amount <= 7; amount++) {
        increment(first, counter, amount, "n" + amount);
      }
      first.createTestProbe().awaitAssert(TIMEOUT, () -> {
        try {
          assertEquals(List.of(4L, 5L, 6L, 7L), currentEvents(first, persistenceId).stream().map(EventEnvelope::sequenceNr).toList());
        } catch (Exception failure) {
          throw new AssertionError(failure);
        }
        return null;
      });
    } finally {
      first.shutdownTestKit();
    }
    ActorTestKit second = startNode("second");
    try {
      ActorRef<Counter.Command> counter = spawn(second, Counter.create("snapshotted", everyThree));
      assertEquals(28, stateOf(second, counter).value());
    } finally {
      second.shutdownTestKit();
    }
  }

  @Test
  void readJournalReplaysDeserializedEventsInOrder() throws Exception {
    ActorTestKit node = startNode("reader");
    try {
      ActorRef<Counter.Command> counter = spawn(node, Counter.create("queried"));
      increment(node, counter, 2, "x");
      increment(node, counter, 3, null);
      List<EventEnvelope> events = currentEvents(node, "Counter|queried");
      assertEquals(List.of(1L, 2L), events.stream().map(EventEnvelope::sequenceNr).toList());
      assertEquals(List.of(new Counter.Incremented(2, "x"), new Counter.Incremented(3, "unspecified")),
          events.stream().map(EventEnvelope::event).toList());
    } finally {
      node.shutdownTestKit();
    }
  }

  @Test
  void entitiesKeepSeparateHistories() throws Exception {
    ActorTestKit node = startNode("isolated");
    try {
      ActorRef<Counter.Command> left = spawn(node, Counter.create("left"));
      ActorRef<Counter.Command> right = spawn(node, Counter.create("right"));
      increment(node, left, 10, "l");
      increment(node, right, 1, "r");
      increment(node, left, 10, "l");
      assertEquals(20, stateOf(node, left).value());
      assertEquals(1, stateOf(node, right).value());
    } finally {
      node.shutdownTestKit();
    }
  }
}
