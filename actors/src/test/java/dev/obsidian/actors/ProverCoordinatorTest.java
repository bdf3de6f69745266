package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.BlockProver.ProvingJob;
import dev.obsidian.actors.BlockProver.ProvingResult;
import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's job handling with probe workers. The proof system is a stand-in here ({@link TwoJobs}: two jobs
 * per block, a "proof" is accepted when its bytes are the job's index); the real Groth16 prover is tested with these
 * actors in the prover module.
 */
class ProverCoordinatorTest {
  /** One per test: the Receptionist must not list the probes of an earlier test. */
  private final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  @TempDir Path dir;
  private WorldStateStore store;

  @BeforeEach
  void open() {
    store = WorldStateStore.open(dir.resolve("store"), new StoreOptions(true, 0));
  }

  @AfterEach
  void close() {
    testKit.shutdownTestKit();
    store.close();
  }

  /** Two jobs per block; accepts a result whose proof bytes are {index}. */
  private static class TwoJobs implements BlockProver {
    @Override
    public List<ProvingJob> plan(WorldStateFork parent, BlockHeader parentHeader, L2Block block) {
      BlockBuilder.replay(parent, block);
      return List.of(job(block, 0), job(block, 1));
    }

    private static ProvingJob job(L2Block block, int index) {
      return new ProvingJob(block.number(), index, "stand-in", List.of("x"), List.of(Fr.of(index)), List.of(Fr.of(index)));
    }

    @Override
    public ProvingResult prove(ProvingJob job) {
      throw new UnsupportedOperationException("probe workers answer in this test");
    }

    @Override
    public Optional<String> check(ProvingJob job, ProvingResult result) {
      return result.proof().length == 1 && result.proof()[0] == job.index() ? Optional.empty()
          : Optional.of("bad proof for job " + job.index());
    }
  }

  private static L2Block emptyBlock() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      return BlockBuilder.seal(fork, new GlobalVariables(31337, 1, 1, 1, 1_700_000_000L, EthAddress.ZERO,
          AztecAddress.ZERO, new GasFees(1, 1)), List.of());
    }
  }

  private ActorRef<ProverCoordinator.Command> coordinator(boolean enabled, int maxAttempts) {
    ActorRef<BlockProofs.Command> proofs = testKit.spawn(BlockProofs.create());
    return testKit.spawn(ProverCoordinator.create(
        new ProverCoordinator.Settings(enabled, Duration.ofMillis(800), maxAttempts), new TwoJobs(), store, proofs));
  }

  private static ProverWorker.JobDone done(ProverWorker.Job job, int proofByte, String worker) {
    return new ProverWorker.JobDone(job.jobId(), job.attempt(), new ProvingResult("stand-in", new byte[] {(byte) proofByte},
        job.job().expectedPublicInputs(), 5), worker);
  }

  @Test
  void jobsWaitForWorkersRunInParallelAndAreRetriedElsewhereOnTimeoutOrRejectionThenJournaled() {
    ActorRef<ProverCoordinator.Command> coordinator = coordinator(true, 3);
    TestProbe<ProverWorker.Job> a = testKit.createTestProbe("worker-a");
    TestProbe<ProverWorker.Job> b = testKit.createTestProbe("worker-b");
    testKit.system().receptionist().tell(Receptionist.register(ProverWorker.SERVICE_KEY, a.getRef()));
    testKit.system().receptionist().tell(Receptionist.register(ProverWorker.SERVICE_KEY, b.getRef()));
    TestProbe<Receptionist.Listing> listing = testKit.createTestProbe();
    testKit.system().receptionist().tell(Receptionist.subscribe(ProverWorker.SERVICE_KEY, listing.getRef()));
    listing.fishForMessage(Duration.ofSeconds(3), l -> l.getServiceInstances(ProverWorker.SERVICE_KEY).size() == 2
        ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
        : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore());
    TestProbe<ProverCoordinator.Outcome> outcome = testKit.createTestProbe();
    coordinator.tell(new ProverCoordinator.ProveBlock(emptyBlock(), outcome.getRef()));

    // the two jobs run in parallel, one on each worker
    Retry first = receiveRetry(a, b);
    Retry second = receiveRetry(a, b);
    assertNotEquals(first.probe, second.probe);
    assertEquals(List.of(0, 1), List.of(first.job.job().index(), second.job.job().index()).stream().sorted().toList());

    // `first` answers with a proof the verifier rejects: retried on the other worker
    first.job.replyTo().tell(done(first.job, 99, "w1"));
    Retry retried = receiveRetry(a, b);
    assertEquals(first.job.jobId(), retried.job.jobId());
    assertEquals(2, retried.job.attempt());
    assertNotEquals(first.probe, retried.probe);
    retried.job.replyTo().tell(done(retried.job, retried.job.job().index(), "w2"));
    // `second` never answers: timed out, retried on the other worker
    Retry timedOut = receiveRetry(a, b);
    assertEquals(second.job.jobId(), timedOut.job.jobId());
    assertEquals(2, timedOut.job.attempt());
    assertNotEquals(second.probe, timedOut.probe);

    // a late answer to the abandoned first attempt is ignored
    second.job.replyTo().tell(done(second.job, second.job.job().index(), "late"));
    timedOut.job.replyTo().tell(done(timedOut.job, timedOut.job.job().index(), "w3"));

    ProverCoordinator.Proven proven = assertInstanceOf(ProverCoordinator.Proven.class, outcome.receiveMessage());
    assertEquals(2, proven.proofs().size());
    for (int i = 0; i < 2; i++) {
      BlockProofs.AcceptedProof proof = proven.proofs().get(i);
      assertEquals(i, proof.index());
      assertArrayEquals(new byte[] {(byte) i}, proof.proof());
      assertEquals(2, proof.attempt());
      assertTrue(List.of("w2", "w3").contains(proof.worker()), proof.worker());
    }
  }

  private record Retry(ProverWorker.Job job, TestProbe<ProverWorker.Job> probe) {}

  private static Retry receiveRetry(TestProbe<ProverWorker.Job> a, TestProbe<ProverWorker.Job> b) {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline) {
      for (TestProbe<ProverWorker.Job> probe : List.of(a, b)) {
        try {
          return new Retry(probe.receiveMessage(Duration.ofMillis(20)), probe);
        } catch (AssertionError nothingYet) {
          // try the other probe
        }
      }
    }
    throw new AssertionError("no retry within 3 s");
  }

  @Test
  void aJobThatFailsEveryAttemptLeavesTheBlockUnprovenAndStopsItsOtherJobs() {
    ActorRef<ProverCoordinator.Command> coordinator = coordinator(true, 2);
    TestProbe<ProverCoordinator.Outcome> outcome = testKit.createTestProbe();
    TestProbe<ProverWorker.Job> worker = testKit.createTestProbe();
    testKit.system().receptionist().tell(Receptionist.register(ProverWorker.SERVICE_KEY, worker.getRef()));
    coordinator.tell(new ProverCoordinator.ProveBlock(emptyBlock(), outcome.getRef()));
    ProverWorker.Job job0 = worker.receiveMessage();
    ProverWorker.Job job1 = worker.receiveMessage();
    job1.replyTo().tell(done(job1, job1.job().index(), "w"));
    job0.replyTo().tell(new ProverWorker.JobFailed(job0.jobId(), 1, "out of memory", "w"));
    ProverWorker.Job again = worker.receiveMessage();
    assertEquals(2, again.attempt());
    again.replyTo().tell(new ProverWorker.JobFailed(again.jobId(), 2, "out of memory again", "w"));
    ProverCoordinator.Unproven unproven = assertInstanceOf(ProverCoordinator.Unproven.class, outcome.receiveMessage());
    assertTrue(unproven.reason().startsWith("job 0 (stand-in) failed 2 attempts, last: out of memory again"),
        unproven.reason());
    worker.expectNoMessage(Duration.ofMillis(600)); // no timeout retry of anything after giving up
  }

  @Test
  void withProvingOffEveryBlockIsAnsweredNotProving() {
    ActorRef<ProverCoordinator.Command> coordinator = coordinator(false, 3);
    TestProbe<ProverCoordinator.Outcome> outcome = testKit.createTestProbe();
    coordinator.tell(new ProverCoordinator.ProveBlock(emptyBlock(), outcome.getRef()));
    assertEquals(new ProverCoordinator.NotProving(1), outcome.receiveMessage());
  }

  @Test
  void aJobTheNodeCannotProveLeavesTheBlockUnprovenAtOnce() {
    ActorRef<BlockProofs.Command> proofs = testKit.spawn(BlockProofs.create());
    BlockProver noKeys = new TwoJobs() {
      @Override
      public Optional<String> cannotProve(ProvingJob job) {
        return Optional.of("no key for " + job.circuit());
      }
    };
    ActorRef<ProverCoordinator.Command> coordinator = testKit.spawn(ProverCoordinator.create(
        new ProverCoordinator.Settings(true, Duration.ofSeconds(5), 3), noKeys, store, proofs));
    TestProbe<ProverWorker.Job> worker = testKit.createTestProbe();
    testKit.system().receptionist().tell(Receptionist.register(ProverWorker.SERVICE_KEY, worker.getRef()));
    TestProbe<ProverCoordinator.Outcome> outcome = testKit.createTestProbe();
    coordinator.tell(new ProverCoordinator.ProveBlock(emptyBlock(), outcome.getRef()));
    assertEquals(new ProverCoordinator.Unproven(1, "job 0 (stand-in) cannot be proven: no key for stand-in"),
        outcome.receiveMessage());
    worker.expectNoMessage(Duration.ofMillis(300));
  }
}
