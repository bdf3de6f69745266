package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.Await;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.WorldStateFork;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The sequencer rolling its chain back when the L1 publisher reports that L1 no longer accepts it (the Rollup pruned
 * it): {@code ChainRolledBack} with the dropped txs, the trees unwound, the index truncated, the txs restored to the
 * mempool, {@code ChainRollbackCompleted}, then a new slot from the kept block. A notice about a chain the node no
 * longer has is ignored; a restart in the middle of a rollback finishes it. Every event and the state round-trip
 * through the node's serializer (testkit serialization checks on).
 */
class SequencerRollbackTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  /** Takes every block over at once; the test plays the publisher's notices. */
  static final class AbandoningPublisher implements L1Publisher {
    volatile Consumer<ChainAbandoned> abandoned;

    @Override
    public CompletionStage<Outcome> publish(L2Block block,
      List<BlockProofs.AcceptedProof> proofs) {
      return CompletableFuture.completedFuture(new Queued(block.number()));
    }

    @Override
    public void onChainAbandoned(Consumer<ChainAbandoned> listener) {
      this.abandoned = listener;
    }
  }

  private final AbandoningPublisher publisher = new AbandoningPublisher();
  private final ChainIndex index = new ChainIndex(Constants.GENESIS_BLOCK_HEADER_HASH);
  private final TestProbe<Mempool.Command> mempool = testKit.createTestProbe();
  private final TestProbe<WorldState.Command> worldState = testKit.createTestProbe();
  private final TestProbe<ProverCoordinator.Command> prover = testKit.createTestProbe();
  private final RandomTxs random = new RandomTxs(9, 31337, 1);
  private final List<HashedTx> txs;
  /** The journal's tx bodies by hash (the node reads them from the mempool's journal). */
  private final TxArchive archive;

  SequencerRollbackTest() {
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      txs = List.of(HashedTx.of(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis)),
          HashedTx.of(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis)));
    }
    archive = hashes -> CompletableFuture.completedFuture(hashes.stream()
        .map(h -> txs.stream().filter(t -> t.hash().equals(h)).map(HashedTx::tx).findFirst().orElseThrow())
        .toList());
  }

  private EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer(String id) {
    return EventSourcedBehaviorTestKit.create(testKit.system(),
        Sequencer.create(PersistenceId.ofUniqueId(id),
            new Sequencer.Settings(null, 1, 4, false, 31337, 1, EthAddress.ZERO, AztecAddress.ZERO, new GasFees(1, 1)),
            new Sequencer.Collaborators(mempool.getRef(), worldState.getRef(), prover.getRef(), publisher, index,
                L1ToL2MessageSource.NONE, archive),
            () -> 1_700_000_123_456L),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false).withVerifyEquality(true));
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aPrunedChainIsRolledBackItsTxsRestoredAndTheSequencerBuildsAgainFromTheKeptBlock() {
    String id = "sequencer-rollback";
    var sequencer = sequencer(id);
    L2Block block1 = buildAndProve(sequencer, 1, txs.subList(0, 1), null);
    L2Block block2 = buildAndProve(sequencer, 2, txs.subList(1, 2), block1);
    assertEquals(2, index.latestBlockNumber());

    // a notice about another block 2 (not this chain's) is ignored
    publisher.abandoned.accept(new L1Publisher.ChainAbandoned(1, Fr.of(12345), "not ours"));
    int before = journal(sequencer, id).size();
    sequencer.runCommand(Sequencer.GetStatus::new);
    assertEquals(before, journal(sequencer, id).size());

    publisher.abandoned.accept(new L1Publisher.ChainAbandoned(0, block1.archive().root(), "pruned"));
    WorldState.Unwind unwind = assertInstanceOf(WorldState.Unwind.class, worldState.receiveMessage());
    assertEquals(0, unwind.toBlock());
    assertEquals(new Sequencer.ChainRolledBack(2, 0, "pruned", List.of(txs.get(0).hash(), txs.get(1).hash())),
        journal(sequencer, id).get(journal(sequencer, id).size() - 1));
    assertEquals(0, index.latestBlockNumber(), "the index forgot the dropped blocks");
    assertTrue(index.txEffect(txs.get(0).hash()).isEmpty());
    assertEquals(0, sequencer.getState().lastBlockNumber());
    assertTrue(sequencer.getState().rollback().isPresent());

    // a crash before the trees unwound: the restarted sequencer drives the rollback again
    assertEquals(sequencer.getState(), sequencer.restart().state());
    unwind = assertInstanceOf(WorldState.Unwind.class, worldState.receiveMessage());
    unwind.replyTo().tell(StatusReply.success(0L));
    Mempool.Restore restore = assertInstanceOf(Mempool.Restore.class, mempool.receiveMessage());
    assertEquals(1, restore.blockNumber());
    assertEquals(List.of(txs.get(0).tx(), txs.get(1).tx()), restore.txs());
    restore.replyTo().tell(Done.getInstance());
    await(() -> sequencer.getState().rollback().isEmpty(), "the rollback completes");
    assertEquals(new Sequencer.ChainRollbackCompleted(0), journal(sequencer, id).get(journal(sequencer, id).size() - 1));

    // the next slot builds block 1 again
    Mempool.SelectTxs select = assertInstanceOf(Mempool.SelectTxs.class, mempool.receiveMessage());
    assertEquals(1, select.blockNumber());

    // the same notice after a restart (the publisher repeats its last one) changes nothing once block 1 is rebuilt
    L2Block rebuilt = buildAndProve(sequencer, 1, List.of(txs.get(1), txs.get(0)), null);
    assertTrue(!rebuilt.archive().root().equals(block1.archive().root()), "another block 1");
    before = journal(sequencer, id).size();
    publisher.abandoned.accept(new L1Publisher.ChainAbandoned(0, block1.archive().root(), "pruned"));
    sequencer.runCommand(Sequencer.GetStatus::new);
    assertEquals(before, journal(sequencer, id).size());
    assertEquals(1, index.latestBlockNumber());
    assertEquals(sequencer.getState(), sequencer.restart().state());
    assertTrue(!block2.archive().root().equals(rebuilt.archive().root()));
  }

  /** Builds, applies and proves block {@code number} from {@code blockTxs} on {@code parent} (null: genesis). */
  private L2Block buildAndProve(EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> s,
      long number, List<HashedTx> blockTxs, L2Block parent) {
    s.runCommand(new Sequencer.TxsSelected(number, 1_700_000_123L + number, blockTxs));
    WorldState.BuildBlock build = assertInstanceOf(WorldState.BuildBlock.class, worldState.receiveMessage());
    L2Block block;
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      if (parent != null) {
        BlockBuilder.replay(fork, parent);
      }
      blockTxs.forEach(tx -> BlockBuilder.apply(fork, tx.tx().effects()));
      block = BlockBuilder.seal(fork, build.globals(),
          blockTxs.stream().map(tx -> new TxEffect(tx.hash(), 0, tx.tx().effects())).toList());
    }
    s.runCommand(new Sequencer.BlockCandidate(new WorldState.Built(block, List.of())));
    assertInstanceOf(WorldState.ApplyBlock.class, worldState.receiveMessage());
    s.runCommand(new Sequencer.BlockApplied(number));
    assertInstanceOf(Mempool.MarkIncluded.class, mempool.receiveMessage());
    s.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Proven(number, List.of())));
    await(() -> s.getState().phase() == SlotPhase.IDLE, "block " + number + " handed over");
    return block;
  }

  private static List<Object> journal(
      EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> s, String id) {
    return s.persistenceTestKit().persistedInStorage(id);
  }

  private static void await(BooleanSupplier condition, String what) {
    Await.until(condition, what, Duration.ofSeconds(5));
  }
}
