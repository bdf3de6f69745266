package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Drives a sequencer under test through a slot by hand, playing the mempool and the world state. */
final class SequencerDriver {
  private SequencerDriver() {}

  /** Block 1 of one random tx: selected, built (on an in-memory genesis fork) and applied; proving is next. */
  static L2Block buildBlock1(EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer,
      TestProbe<WorldState.Command> worldState) {
    List<HashedTx> txs;
    RandomTxs random = new RandomTxs(5, 31337, 1);
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      txs = List.of(HashedTx.of(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis)));
    }
    sequencer.runCommand(new Sequencer.TxsSelected(1, 1_700_000_123L, txs));
    WorldState.BuildBlock build = assertInstanceOf(WorldState.BuildBlock.class, worldState.receiveMessage());
    L2Block block;
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      txs.forEach(tx -> BlockBuilder.apply(fork, tx.tx().effects()));
      block = BlockBuilder.seal(fork, build.globals(),
          txs.stream().map(tx -> new TxEffect(tx.hash(), 0, tx.tx().effects())).toList());
    }
    sequencer.runCommand(new Sequencer.BlockCandidate(new WorldState.Built(block, List.of())));
    sequencer.runCommand(new Sequencer.BlockApplied(1));
    return block;
  }
}
