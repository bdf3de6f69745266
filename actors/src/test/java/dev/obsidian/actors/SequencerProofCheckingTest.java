package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.Await;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The sequencer with a publisher whose Rollup checks proofs: a block goes to the publisher with the proofs the node
 * accepted ({@code BlockProofsAccepted}, not {@code BlockProven}), and is proven only when the published height passes
 * it; a restart before the hand-over proves the block again (the proofs were in memory) and publishes it with the new
 * ones; a block that cannot be proven is neither published nor left behind, but proven again.
 */
class SequencerProofCheckingTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  /** Checks proofs; records what it is handed; takes blocks over only once {@code accepting}. */
  static final class CheckingPublisher implements L1Publisher {
    volatile Consumer<PublishedHeight> listener;
    volatile boolean accepting = true;
    final List<List<BlockProofs.AcceptedProof>> handed = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Outcome> publish(L2Block block, List<BlockProofs.AcceptedProof> proofs) {
      handed.add(proofs);
      return accepting ? CompletableFuture.completedFuture(new Queued(block.number())) : new CompletableFuture<>();
    }

    @Override
    public boolean checksProofs() {
      return true;
    }

    @Override
    public void onPublishedHeight(Consumer<PublishedHeight> listener) {
      this.listener = listener;
      listener.accept(new PublishedHeight(0, "", 0));
    }
  }

  private final CheckingPublisher publisher = new CheckingPublisher();
  private final ChainIndex index = new ChainIndex(Constants.GENESIS_BLOCK_HEADER_HASH);
  private final TestProbe<Mempool.Command> mempool = testKit.createTestProbe();
  private final TestProbe<WorldState.Command> worldState = testKit.createTestProbe();
  private final TestProbe<ProverCoordinator.Command> prover = testKit.createTestProbe();

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer(String id) {
    return EventSourcedBehaviorTestKit.create(testKit.system(),
        Sequencer.create(PersistenceId.ofUniqueId(id),
            new Sequencer.Settings(null, 1, 4, false, 31337, 1, EthAddress.ZERO, AztecAddress.ZERO,
                new GasFees(1, 1)),
            new Sequencer.Collaborators(mempool.getRef(), worldState.getRef(), prover.getRef(), publisher, index),
            () -> 1_700_000_123_456L),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false).withVerifyEquality(true));
  }

  private static BlockProofs.AcceptedProof proof(int index, int attempt) {
    return new BlockProofs.AcceptedProof(index, "stand-in", new byte[] {(byte) index}, List.of(Fr.of(index)),
        "worker", attempt, 5);
  }

  @Test
  void aBlockIsPublishedWithItsProofsAndProvenOnlyWhenL1HasIt() {
    var sequencer = sequencer("checking-1");
    List<BlockProofs.AcceptedProof> proofs = List.of(proof(0, 1), proof(1, 1));
    buildBlock1(sequencer);
    sequencer.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Proven(1, proofs)));
    await(() -> sequencer.getState().phase() == SlotPhase.IDLE, "handed over");
    List<Object> journal = journal(sequencer, "checking-1");
    assertTrue(journal.contains(new Sequencer.BlockProofsAccepted(1)), journal.toString());
    assertTrue(journal.stream().noneMatch(e -> e instanceof Sequencer.BlockProven), "not proven before L1 has it");
    assertEquals(List.of(proofs), publisher.handed);
    assertEquals(0, index.provenBlockNumber());
    assertEquals(0, sequencer.getState().provenBlockNumber());

    publisher.listener.accept(new L1Publisher.PublishedHeight(1, "0xabc", 7));
    await(() -> index.provenBlockNumber() == 1, "proven once L1 accepted the proposal with its proofs");
    journal = journal(sequencer, "checking-1");
    assertEquals(List.of(new Sequencer.BlockPublished(1, "0xabc"), new Sequencer.BlockProven(1)),
        journal.subList(journal.size() - 2, journal.size()));
    assertEquals(1, sequencer.getState().provenBlockNumber());
    assertEquals(SlotPhase.IDLE, sequencer.getState().phase());
    assertEquals(sequencer.getState(), sequencer.restart().state());
  }

  @Test
  void aRestartBeforeTheHandOverProvesTheBlockAgainAndPublishesTheNewProofs() {
    publisher.accepting = false;
    var sequencer = sequencer("checking-2");
    buildBlock1(sequencer);
    sequencer.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Proven(1, List.of(proof(0, 1)))));
    assertEquals(SlotPhase.PUBLISHING, sequencer.getState().phase());
    assertEquals(1, publisher.handed.size());

    publisher.accepting = true;
    sequencer.restart();
    ProverCoordinator.ProveBlock again = assertInstanceOf(ProverCoordinator.ProveBlock.class,
        prover.receiveMessage(Duration.ofSeconds(5)));
    assertEquals(1, again.block().number());
    List<BlockProofs.AcceptedProof> fresh = List.of(proof(0, 2));
    sequencer.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Proven(1, fresh)));
    await(() -> sequencer.getState().phase() == SlotPhase.IDLE, "handed over after the restart");
    assertEquals(fresh, publisher.handed.get(publisher.handed.size() - 1));
    assertEquals(1, journal(sequencer, "checking-2").stream().filter(e -> e instanceof Sequencer.BlockProofsAccepted).count());
  }

  @Test
  void aBlockThatCannotBeProvenIsNotPublishedButProvenAgain() {
    var sequencer = sequencer("checking-3");
    buildBlock1(sequencer);
    int events = journal(sequencer, "checking-3").size();
    sequencer.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Unproven(1, "job 0 failed 3 attempts")));
    assertEquals(SlotPhase.PROVING, sequencer.getState().phase());
    assertEquals(events, journal(sequencer, "checking-3").size(), "nothing journaled");
    assertTrue(publisher.handed.isEmpty(), "L1 takes no block without its proofs");
    ProverCoordinator.ProveBlock again = assertInstanceOf(ProverCoordinator.ProveBlock.class,
        prover.receiveMessage(Sequencer.PROVING_RETRY.plusSeconds(5)));
    assertEquals(1, again.block().number());
  }

  private void buildBlock1(EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer) {
    SequencerDriver.buildBlock1(sequencer, worldState);
    ProverCoordinator.ProveBlock prove = assertInstanceOf(ProverCoordinator.ProveBlock.class,
        prover.receiveMessage(Duration.ofSeconds(5)));
    assertEquals(1, prove.block().number());
  }

  private static List<Object> journal(
      EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer, String id) {
    return sequencer.persistenceTestKit().persistedInStorage(id);
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) {
    Await.until(condition, what, Duration.ofSeconds(5));
  }
}
