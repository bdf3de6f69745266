package dev.obsidian.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The recorder's bookkeeping, driven message by message with made-up times (milliseconds written as nanos). */
class RecorderTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final long MS = 1_000_000;

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private final CompletableFuture<Recording> result = new CompletableFuture<>();

  private ActorRef<Recorder.Command> recorder(Duration drain) {
    return KIT.spawn(Recorder.create(() -> 99_000 * MS, 0, drain, result));
  }

  private static TxHash hash(long n) {
    return new TxHash(Fr.of(n));
  }

  private static Recorder.Outcome accepted(long n, long submitMs, long replyMs) {
    return new Recorder.Outcome(submitMs * MS, replyMs * MS, new TxVerdict.Accepted(hash(n)), null);
  }

  private static Recorder.BlockSeen block(long number, long seenMs, long... txs) {
    List<TxHash> hashes = java.util.Arrays.stream(txs).mapToObj(RecorderTest::hash).toList();
    return new Recorder.BlockSeen(new BlockSummary(number, Fr.of(1000 + number), hashes), seenMs * MS);
  }

  @Test
  void pairsVerdictsWithBlocksInEitherOrderAndFinishesWhenAllAreMined() throws Exception {
    ActorRef<Recorder.Command> recorder = recorder(Duration.ofMinutes(1));
    recorder.tell(accepted(1, 0, 5));
    recorder.tell(new Recorder.Outcome(10 * MS, 12 * MS,
        new TxVerdict.Rejected(TxVerdict.Code.DOUBLE_SPEND, "effects.nullifiers[0]", "spent"), null));
    recorder.tell(new Recorder.Outcome(20 * MS, 30 * MS, null, "TimeoutException: no answer"));
    recorder.tell(Recorder.Skipped.INSTANCE);
    // tx 2's block (with a stranger's tx 77) is seen before tx 2's verdict reaches the recorder
    recorder.tell(block(1, 900, 1, 2, 77));
    recorder.tell(accepted(2, 400, 950));
    recorder.tell(new Recorder.SubmissionEnded(5, 1_000 * MS));
    recorder.tell(new Recorder.MempoolSampled(500 * MS, 3));
    Recording recording = result.get(10, TimeUnit.SECONDS);

    assertEquals(5, recording.issued());
    assertEquals(1, recording.skipped());
    assertEquals(2, recording.accepted());
    assertEquals(Map.of(TxVerdict.Code.DOUBLE_SPEND, 1L), recording.rejections());
    assertEquals(1, recording.failures());
    assertEquals(List.of("TimeoutException: no answer"), recording.failureExamples());
    assertEquals(2, recording.included());
    // tx 1: submitted at 0, mined seen at 900 ms; tx 2: submitted at 400, its block seen at 900 ms
    assertEquals(900_000, recording.inclusionLatencyMicros().getMaxValue(), 900);
    assertEquals(500_000, recording.inclusionLatencyMicros().getMinValue(), 500);
    assertEquals(List.of(new BlockObservation(1, 900 * MS, 3, 1)), recording.blocks());
    assertEquals(List.of(new Inclusion(hash(1), 1), new Inclusion(hash(2), 1)), recording.includedSample());
    assertEquals(List.of(2L), recording.acceptedPerSecond(), "both verdicts came in the first second");
    assertTrue(recording.drainedInTime());
    assertEquals(0, recording.notIncludedCount());
  }

  @Test
  void theDrainTimeoutEndsTheRunWithTheUnminedTxsListed() throws Exception {
    ActorRef<Recorder.Command> recorder = recorder(Duration.ofMillis(200));
    recorder.tell(accepted(3, 0, 1));
    recorder.tell(accepted(4, 0, 1));
    recorder.tell(block(1, 500, 4));
    recorder.tell(new Recorder.SubmissionEnded(2, 1_000 * MS));
    Recording recording = result.get(10, TimeUnit.SECONDS);

    assertFalse(recording.drainedInTime());
    assertEquals(1, recording.included());
    assertEquals(1, recording.notIncludedCount());
    assertEquals(List.of(hash(3)), recording.notIncluded());
    assertEquals(99_000 * MS, recording.endNanos());
  }

  @Test
  void nothingFinishesBeforeTheEndOfSubmission() throws Exception {
    ActorRef<Recorder.Command> recorder = recorder(Duration.ofMinutes(1));
    recorder.tell(accepted(5, 0, 1));
    recorder.tell(block(1, 500, 5));
    Thread.sleep(200);
    assertFalse(result.isDone(), "more slots may still come");
    recorder.tell(new Recorder.SubmissionEnded(1, 600 * MS));
    assertEquals(1, result.get(10, TimeUnit.SECONDS).included());
  }
}
