package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Journal faults injected with PersistenceTestKit policies must never leave a half-applied event behind. */
class PersistenceFailureTest {
  private static final ActorTestKit testKit = ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config()
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load()));
  private static final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    journal.clearAll();
    journal.resetPolicy();
  }

  private static StatusReply<Long> increment(ActorRef<Counter.Command> counter, long amount, TestProbe<StatusReply<Long>> probe) {
    counter.tell(new Counter.Increment(amount, "r" + amount, probe.getRef()));
    return probe.receiveMessage();
  }

  /** A failed write restarts the entity with backoff; it recovers what was stored and goes on. */
  @Test
  void failedWriteRestartsFromTheStoredEvents() {
    ActorRef<Counter.Command> counter = testKit.spawn(Counter.create("failing"));
    TestProbe<StatusReply<Long>> replies = testKit.createTestProbe();
    assertEquals(5L, increment(counter, 5, replies).getValue());

    journal.failNextPersisted();
    counter.tell(new Counter.Increment(7, "lost", replies.getRef()));
    replies.expectNoMessage(Duration.ofMillis(300));

    TestProbe<Counter.State> state = testKit.createTestProbe();
    counter.tell(new Counter.GetState(state.getRef()));
    assertEquals(new Counter.State(5, List.of("r5")), state.receiveMessage());
    assertEquals(8L, increment(counter, 3, replies).getValue());
    assertEquals(List.of(new Counter.Incremented(5, "r5"), new Counter.Incremented(3, "r3")),
        journal.persistedInStorage("Counter|failing"));
  }

  /** A rejected write stops the entity; its next incarnation sees only the accepted events. */
  @Test
  void rejectedWriteStopsTheEntityWithoutApplyingTheEvent() {
    ActorRef<Counter.Command> counter = testKit.spawn(Counter.create("rejecting"));
    TestProbe<StatusReply<Long>> replies = testKit.createTestProbe();
    assertEquals(4L, increment(counter, 4, replies).getValue());

    journal.rejectNextPersisted();
    counter.tell(new Counter.Increment(9, "rejected", replies.getRef()));
    replies.expectTerminated(counter);

    ActorRef<Counter.Command> again = testKit.spawn(Counter.create("rejecting"));
    TestProbe<Counter.State> state = testKit.createTestProbe();
    again.tell(new Counter.GetState(state.getRef()));
    assertEquals(new Counter.State(4, List.of("r4")), state.receiveMessage());
    assertEquals(List.of(new Counter.Incremented(4, "r4")), journal.persistedInStorage("Counter|rejecting"));
  }
}
