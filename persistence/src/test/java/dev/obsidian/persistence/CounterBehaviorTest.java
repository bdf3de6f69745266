package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test aggregate under EventSourcedBehaviorTestKit, which also pushes every command, event and state
 * through the bound serializer (Kryo) and checks that what comes back is equal.
 */
class CounterBehaviorTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  private final EventSourcedBehaviorTestKit<Counter.Command, Counter.Event, Counter.State> counter =
      EventSourcedBehaviorTestKit.create(testKit.system(), Counter.create("unit"),
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyEquality(true));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    counter.clear();
  }

  @Test
  void incrementPersistsAFactAndRepliesWithTheNewValue() {
    var result = counter.<StatusReply<Long>>runCommand(replyTo -> new Counter.Increment(5, "fee", replyTo));
    assertEquals(List.of(new Counter.Incremented(5, "fee")), result.events());
    assertEquals(5L, result.reply().getValue());
    assertEquals(new Counter.State(5, List.of("fee")), result.state());
  }

  @Test
  void invalidAmountIsRejectedWithoutAnEvent() {
    var result = counter.<StatusReply<Long>>runCommand(replyTo -> new Counter.Increment(0, "none", replyTo));
    assertTrue(result.hasNoEvents());
    assertTrue(result.reply().isError());
    assertEquals("amount must be positive, got 0", result.reply().getError().getMessage());
    assertEquals(Counter.State.EMPTY, result.state());
  }

  @Test
  void restartRecoversTheSameStateFromEvents() {
    for (int i = 1; i <= 6; i++) {
      int amount = i;
      counter.<StatusReply<Long>>runCommand(replyTo -> new Counter.Increment(amount, "r" + amount, replyTo));
    }
    var before = counter.getState();
    assertEquals(new Counter.State(21, List.of("r3", "r4", "r5", "r6")), before);
    assertEquals(before, counter.restart().state());
  }

  @Test
  void stateQueryRepliesWithoutPersisting() {
    counter.<StatusReply<Long>>runCommand(replyTo -> new Counter.Increment(2, "a", replyTo));
    var result = counter.<Counter.State>runCommand(Counter.GetState::new);
    assertTrue(result.hasNoEvents());
    assertEquals(new Counter.State(2, List.of("a")), result.reply());
  }
}
