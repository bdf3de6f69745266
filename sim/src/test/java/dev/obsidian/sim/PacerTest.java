package dev.obsidian.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void slotsFollowTheRateFromTheFirstAtTheStart() {
    assertEquals(0, Pacer.slotsDue(100, -1));
    assertEquals(1, Pacer.slotsDue(100, 0));
    assertEquals(1, Pacer.slotsDue(100, 9_999_999));
    assertEquals(2, Pacer.slotsDue(100, 10_000_000));
    assertEquals(1_001, Pacer.slotsDue(1_000, 1_000_000_000));
    // the largest rate over an hour and a half stays exact (no overflow)
    assertEquals(540_000_001, Pacer.slotsDue(LoadPlan.MAX_TXS_PER_SECOND, Duration.ofMinutes(90).toNanos()));
  }

  @Test
  void issuesTheDueSlotsRoundRobinAndStopsAtTheTotal() {
    AtomicLong now = new AtomicLong();
    List<TestProbe<User.Command>> users = List.of(KIT.createTestProbe(), KIT.createTestProbe(), KIT.createTestProbe());
    TestProbe<Recorder.Command> recorder = KIT.createTestProbe();
    LoadPlan plan = new LoadPlan(3, 10, Duration.ofSeconds(1), 1, Duration.ZERO);
    List<ActorRef<User.Command>> refs = users.stream().map(TestProbe::ref).toList();
    KIT.spawn(Pacer.create(plan, refs, recorder.ref(), now::get, 0));

    users.get(0).expectMessage(User.Submit.INSTANCE);
    users.get(1).expectNoMessage(Duration.ofMillis(100));
    now.set(450_000_000); // slots at 0, 100, ..., 400 ms are due: four more
    users.get(1).expectMessage(User.Submit.INSTANCE);
    users.get(2).expectMessage(User.Submit.INSTANCE);
    users.get(0).expectMessage(User.Submit.INSTANCE);
    users.get(1).expectMessage(User.Submit.INSTANCE);
    users.get(2).expectNoMessage(Duration.ofMillis(100));
    now.set(5_000_000_000L); // long past the end: the rest of the 10 slots, then the end
    assertEquals(new Recorder.SubmissionEnded(10, 5_000_000_000L), recorder.expectMessageClass(Recorder.SubmissionEnded.class));
    int[] received = new int[3];
    for (int i = 0; i < 3; i++) {
      received[i] = users.get(i).receiveSeveralMessages(i == 0 ? 2 : i == 1 ? 1 : 2).size();
    }
    assertEquals(5, received[0] + received[1] + received[2]);
  }
}
