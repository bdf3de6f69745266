package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.WorldStateFork;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The slot state machine step by step: collaborators are probes, the test plays their answers. Events and state are
 * round-tripped through Kryo by the testkit (internal commands are local-only and not checked).
 */
class SequencerTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  private static final Sequencer.Settings SETTINGS = new Sequencer.Settings(null, 2, 4, false, 31337, 1, EthAddress.ZERO,
      AztecAddress.ZERO, new GasFees(1, 1));

  private final TestProbe<Mempool.Command> mempool = testKit.createTestProbe();
  private final TestProbe<WorldState.Command> worldState = testKit.createTestProbe();
  private final TestProbe<ProverCoordinator.Command> prover = testKit.createTestProbe();
  private final EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer =
      EventSourcedBehaviorTestKit.create(testKit.system(),
          Sequencer.create(PersistenceId.ofUniqueId("sequencer-unit"), SETTINGS,
              new Sequencer.Collaborators(mempool.getRef(), worldState.getRef(), prover.getRef(), new NoL1Publisher(),
                  new ChainIndex(Constants.GENESIS_BLOCK_HEADER_HASH)),
              () -> 1_700_000_123_456L),
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false).withVerifyEquality(true));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    sequencer.clear();
  }

  private static List<HashedTx> txs(int count) {
    RandomTxs random = new RandomTxs(5, 31337, 1);
    WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> HashedTx.of(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis))).toList();
  }

  @Test
  void aTickAsksForTxsAtTheClocksTimeAndTooFewBuildNothing() {
    assertTrue(sequencer.runCommand(Sequencer.Tick.INSTANCE).hasNoEvents());
    Mempool.SelectTxs select = assertInstanceOf(Mempool.SelectTxs.class, mempool.receiveMessage());
    assertEquals(new Mempool.SelectTxs(4, 1, 1_700_000_123L, select.replyTo()), select);
    assertTrue(sequencer.runCommand(new Sequencer.TxsSelected(1, 1_700_000_123L, txs(1))).hasNoEvents());
    assertEquals(SlotPhase.IDLE, sequencer.getState().phase());
  }

  @Test
  void aBlockGoesThroughEveryPhaseWithItsInputsJournaled() throws Exception {
    List<HashedTx> txs = txs(2);
    var proposed = sequencer.runCommand(new Sequencer.TxsSelected(1, 1_700_000_123L, txs));
    Sequencer.BlockProposed proposal = assertInstanceOf(Sequencer.BlockProposed.class, proposed.events().get(0));
    assertEquals(List.of(txs.get(0).tx().hash(), txs.get(1).tx().hash()), proposal.orderedTxHashes());
    assertEquals(1_700_000_123L, proposal.globals().timestampSeconds());
    assertEquals(31337, proposal.globals().chainId());
    WorldState.BuildBlock build = assertInstanceOf(WorldState.BuildBlock.class, worldState.receiveMessage());
    assertEquals(txs, build.txs());

    L2Block block;
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      txs.forEach(tx -> BlockBuilder.apply(fork, tx.tx().effects()));
      block = BlockBuilder.seal(fork, build.globals(), txs.stream().map(tx -> new TxEffect(tx.tx().hash(), 0, tx.tx().effects())).toList());
    }
    var built = sequencer.runCommand(new Sequencer.BlockCandidate(new WorldState.Built(block, List.of())));
    assertEquals(List.of(new Sequencer.BlockBuilt(1, block)), built.events());
    assertInstanceOf(WorldState.ApplyBlock.class, worldState.receiveMessage());

    assertEquals(List.of(new Sequencer.BlockProofRequested(1)), sequencer.runCommand(new Sequencer.BlockApplied(1)).events());
    assertEquals(new Mempool.MarkIncluded(1, block.txHashes(), testKit.system().ignoreRef()), mempool.receiveMessage());
    assertInstanceOf(ProverCoordinator.ProveBlock.class, prover.receiveMessage());
    assertEquals(SlotPhase.PROVING, sequencer.getState().phase());

    var proven = sequencer.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Proven(1, List.of())));
    // NoL1Publisher answers at once, so its BlockLeftUnpublished may already be journaled within this command's window
    assertEquals(new Sequencer.BlockProven(1), proven.events().get(0));
    assertTrue(proven.events().size() == 1 || (proven.events().size() == 2
        && proven.events().get(1) instanceof Sequencer.BlockLeftUnpublished left && left.blockNumber() == 1),
        proven.events().toString());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (sequencer.getState().phase() != SlotPhase.IDLE && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Sequencer.State end = sequencer.getState();
    assertEquals(new Sequencer.State(SlotPhase.IDLE, 1, 1_700_000_123L, 1, java.util.Optional.empty(), java.util.Optional.empty()), end);
    assertEquals(end, sequencer.restart().state());
  }

  @Test
  void aRestartWhileBuildingRefetchesTheProposalsTxsAndRollsBackIfTheyAreGone() {
    sequencer.runCommand(new Sequencer.TxsSelected(1, 1_700_000_123L, txs(2)));
    worldState.receiveMessage();
    sequencer.restart();
    Mempool.GetTxs refetch = assertInstanceOf(Mempool.GetTxs.class, mempool.receiveMessage());
    assertEquals(2, refetch.txHashes().size());
    var rolledBack = sequencer.runCommand(new Sequencer.ProposalTxs(1, List.of()));
    assertInstanceOf(Sequencer.BlockRolledBack.class, rolledBack.events().get(0));
    assertEquals(SlotPhase.IDLE, sequencer.getState().phase());
    assertEquals(0, sequencer.getState().lastBlockNumber());
  }

  @Test
  void aBlockForAnotherHeightIsIgnored() {
    assertTrue(sequencer.runCommand(new Sequencer.TxsSelected(7, 0, txs(2))).hasNoEvents());
    assertEquals(Sequencer.State.GENESIS, sequencer.getState());
  }

  @Test
  void aTickMissedWhileABlockIsInFlightStartsTheNextSlotAsSoonAsItIsDone() throws Exception {
    List<HashedTx> txs = txs(2);
    sequencer.runCommand(new Sequencer.TxsSelected(1, 1_700_000_123L, txs));
    WorldState.BuildBlock build = assertInstanceOf(WorldState.BuildBlock.class, worldState.receiveMessage());
    assertTrue(sequencer.runCommand(Sequencer.Tick.INSTANCE).hasNoEvents());
    mempool.expectNoMessage(Duration.ofMillis(100));
    L2Block block;
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      txs.forEach(tx -> BlockBuilder.apply(fork, tx.tx().effects()));
      block = BlockBuilder.seal(fork, build.globals(), txs.stream().map(tx -> new TxEffect(tx.hash(), 0, tx.tx().effects())).toList());
    }
    sequencer.runCommand(new Sequencer.BlockCandidate(new WorldState.Built(block, List.of())));
    sequencer.runCommand(new Sequencer.BlockApplied(1));
    assertInstanceOf(Mempool.MarkIncluded.class, mempool.receiveMessage());
    sequencer.runCommand(new Sequencer.ProofDone(new ProverCoordinator.Proven(1, List.of())));
    // published (here: left unpublished by NoL1Publisher): the missed tick asks at once for block 2's txs
    Mempool.SelectTxs next = assertInstanceOf(Mempool.SelectTxs.class, mempool.receiveMessage(Duration.ofSeconds(5)));
    assertEquals(2, next.blockNumber());
  }

  @Test
  void withProvingOffABlockIsPublishedButNeverMarkedProven() throws Exception {
    List<HashedTx> txs = txs(2);
    ChainIndex index = new ChainIndex(Constants.GENESIS_BLOCK_HEADER_HASH);
    var unproving = EventSourcedBehaviorTestKit.<Sequencer.Command, Sequencer.Event, Sequencer.State>create(
        testKit.system(), Sequencer.create(PersistenceId.ofUniqueId("sequencer-unproven"), SETTINGS,
            new Sequencer.Collaborators(mempool.getRef(), worldState.getRef(), prover.getRef(), new NoL1Publisher(),
                index), () -> 1_700_000_123_456L),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false).withVerifyEquality(true));
    unproving.runCommand(new Sequencer.TxsSelected(1, 1_700_000_123L, txs));
    WorldState.BuildBlock build = assertInstanceOf(WorldState.BuildBlock.class, worldState.receiveMessage());
    L2Block block;
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      txs.forEach(tx -> BlockBuilder.apply(fork, tx.tx().effects()));
      block = BlockBuilder.seal(fork, build.globals(), txs.stream().map(tx -> new TxEffect(tx.hash(), 0, tx.tx().effects())).toList());
    }
    unproving.runCommand(new Sequencer.BlockCandidate(new WorldState.Built(block, List.of())));
    worldState.receiveMessage();
    unproving.runCommand(new Sequencer.BlockApplied(1));
    mempool.receiveMessage();
    assertInstanceOf(ProverCoordinator.ProveBlock.class, prover.receiveMessage());
    var left = unproving.runCommand(new Sequencer.ProofDone(new ProverCoordinator.NotProving(1)));
    assertEquals(new Sequencer.BlockLeftUnproven(1, "proving is off (obsidian.prover.enabled = false)"),
        left.events().get(0));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (unproving.getState().phase() != SlotPhase.IDLE && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(new Sequencer.State(SlotPhase.IDLE, 1, 1_700_000_123L, 0, java.util.Optional.empty(),
        java.util.Optional.empty()), unproving.getState());
    assertEquals(0, index.provenBlockNumber());
    assertEquals(1, index.latestBlockNumber());
  }

  @Test
  void theProvenTipIsAPrefixABlockProvenAfterAnUnprovenOneDoesNotMoveIt() {
    Sequencer.State state = new Sequencer.State(SlotPhase.PROVING, 2, 0, 0, java.util.Optional.empty(),
        java.util.Optional.empty());
    // block 1 was left unproven: block 2's proof does not make the chain proven up to 2
    assertEquals(0, state.apply(new Sequencer.BlockProven(2)).provenBlockNumber());
    assertEquals(1, state.apply(new Sequencer.BlockProven(1)).provenBlockNumber());
  }
}
