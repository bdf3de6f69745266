package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.Await;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The sequencer with a publisher that takes blocks over (the event-sourced L1 publisher's contract): the slot is free
 * once the publisher has the block ({@code BlockHandedToL1Publisher}, not {@code BlockLeftUnpublished}), and the
 * published height is journaled whenever the publisher reports it, later, lower after a reorg, and once only.
 */
class SequencerHandOverTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  private static final String ID = "sequencer-hand-over";

  /** Takes every block over at once and reports heights when the test says so. */
  static final class TakingOverPublisher implements L1Publisher {
    volatile Consumer<PublishedHeight> listener;

    @Override
    public CompletionStage<Outcome> publish(L2Block block,
      List<BlockProofs.AcceptedProof> proofs) {
      return CompletableFuture.completedFuture(new Queued(block.number()));
    }

    @Override
    public void onPublishedHeight(Consumer<PublishedHeight> listener) {
      this.listener = listener;
      listener.accept(new PublishedHeight(0, "", 0));
    }
  }

  private final TakingOverPublisher publisher = new TakingOverPublisher();
  private final ChainIndex index = new ChainIndex(Constants.GENESIS_BLOCK_HEADER_HASH);
  private final TestProbe<Mempool.Command> mempool = testKit.createTestProbe();
  private final TestProbe<WorldState.Command> worldState = testKit.createTestProbe();
  private final TestProbe<ProverCoordinator.Command> prover = testKit.createTestProbe();
  private final EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer =
      EventSourcedBehaviorTestKit.create(testKit.system(),
          Sequencer.create(PersistenceId.ofUniqueId(ID),
              new Sequencer.Settings(null, 1, 4, false, 31337, 1, EthAddress.ZERO, AztecAddress.ZERO,
                  new GasFees(1, 1)),
              new Sequencer.Collaborators(mempool.getRef(), worldState.getRef(), prover.getRef(), publisher, index),
              () -> 1_700_000_123_456L),
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false).withVerifyEquality(true));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void theSlotIsFreeOnceThePublisherHasTheBlockAndThePublishedHeightIsJournaledWhenReported() {
    buildAndProveBlock1();
    await(() -> sequencer.getState().phase() == SlotPhase.IDLE, "the slot is free");
    assertTrue(journal().contains(new Sequencer.BlockHandedToL1Publisher(1)), journal().toString());
    assertTrue(journal().stream().noneMatch(e -> e instanceof Sequencer.BlockLeftUnpublished), journal().toString());
    assertEquals(0, status().publishedBlockNumber());

    publisher.listener.accept(new L1Publisher.PublishedHeight(1, "0xabc", 7));
    await(() -> index.publishedBlockNumber() == 1, "the index learns the height");
    assertEquals(new Sequencer.BlockPublished(1, "0xabc"), journal().get(journal().size() - 1));
    assertEquals(1, status().publishedBlockNumber());
    assertEquals(SlotPhase.IDLE, sequencer.getState().phase());
    assertEquals(1, sequencer.getState().lastBlockNumber());

    int events = journal().size();
    publisher.listener.accept(new L1Publisher.PublishedHeight(1, "0xabc", 7)); // reported again (a restart)
    status();
    assertEquals(events, journal().size(), "an unchanged height is not journaled again");

    publisher.listener.accept(new L1Publisher.PublishedHeight(0, "", 0)); // an L1 reorg dropped it
    await(() -> index.publishedBlockNumber() == 0, "the height goes down");
    assertEquals(new Sequencer.BlockPublished(0, ""), journal().get(journal().size() - 1));
    Sequencer.State end = sequencer.getState();
    assertEquals(end, sequencer.restart().state());
  }

  private void buildAndProveBlock1() {
    SequencerDriver.buildBlock1(sequencer, worldState);
    sequencer.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Proven(1, List.of())));
  }

  private Sequencer.Status status() {
    return sequencer.<Sequencer.Status>runCommand(Sequencer.GetStatus::new).reply();
  }

  private List<Object> journal() {
    return sequencer.persistenceTestKit().persistedInStorage(ID);
  }

  private static void await(BooleanSupplier condition, String what) {
    Await.until(condition, what, Duration.ofSeconds(5));
  }
}
