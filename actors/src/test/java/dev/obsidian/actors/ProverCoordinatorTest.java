package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.merkle.WorldStateFork;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ProverCoordinatorTest {
  private static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static L2Block emptyBlock() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      return BlockBuilder.seal(fork, GlobalVariables.empty(), List.of());
    }
  }

  @Test
  void aJobWaitsForAWorkerIsRetriedOnTimeoutAndFailureAndFailsAfterTheBound() {
    ActorRef<ProverCoordinator.Command> coordinator = testKit.spawn(ProverCoordinator.create(Duration.ofMillis(300), 3));
    TestProbe<ProverCoordinator.Outcome> outcome = testKit.createTestProbe();
    coordinator.tell(new ProverCoordinator.ProveBlock(emptyBlock(), outcome.getRef()));

    TestProbe<ProverWorker.Job> worker = testKit.createTestProbe();
    testKit.system().receptionist().tell(Receptionist.register(ProverWorker.SERVICE_KEY, worker.getRef()));
    ProverWorker.Job first = worker.receiveMessage(); // dispatched once a worker shows up
    assertEquals(1, first.attempt());
    ProverWorker.Job second = worker.receiveMessage(Duration.ofSeconds(2)); // first attempt timed out
    assertEquals(2, second.attempt());
    second.replyTo().tell(new ProverWorker.JobFailed(second.jobId(), 2, "worker crashed"));
    ProverWorker.Job third = worker.receiveMessage();
    assertEquals(3, third.attempt());
    third.replyTo().tell(new ProverWorker.JobFailed(third.jobId(), 3, "worker crashed again"));
    ProverCoordinator.Failed failed = assertInstanceOf(ProverCoordinator.Failed.class, outcome.receiveMessage());
    assertTrue(failed.reason().startsWith("failed 3 attempts, last: worker crashed again"), failed.reason());
    worker.expectNoMessage(Duration.ofMillis(500));
  }
}
