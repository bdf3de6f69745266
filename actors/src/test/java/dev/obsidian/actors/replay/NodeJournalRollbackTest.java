package dev.obsidian.actors.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay journal of a sequencer whose chain was rolled back holds the chain as it stands after the rollback. */
class NodeJournalRollbackTest {
  @Test
  void blocksAboveARollbackLeaveTheChainAndTheRebuiltOnesTakeTheirPlace() {
    List<L2Block> first = chain(3, 1_700_000_000L);
    List<L2Block> rebuilt;
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      BlockBuilder.replay(fork, first.get(0));
      rebuilt = List.of(BlockBuilder.seal(fork, globals(2, 1_800_000_000L), List.of()));
    }
    List<Sequencer.Event> events = new ArrayList<>();
    for (L2Block block : first) {
      events.add(new Sequencer.BlockProposed(block.number(), block.header().globals(), List.of()));
      events.add(new Sequencer.BlockBuilt(block.number(), block));
    }
    events.add(new Sequencer.ChainRolledBack(3, 1, "pruned", List.of()));
    events.add(new Sequencer.ChainRollbackCompleted(1));
    events.add(new Sequencer.BlockProposed(2, rebuilt.get(0).header().globals(), List.of()));
    events.add(new Sequencer.BlockBuilt(2, rebuilt.get(0)));

    NodeJournal journal = new NodeJournal(events, Map.of());
    assertEquals(List.of(first.get(0), rebuilt.get(0)), journal.blocks());
    assertEquals(rebuilt.get(0).header().globals(), journal.proposal(2).orElseThrow().globals());
  }

  private static List<L2Block> chain(int length, long timestamp) {
    List<L2Block> blocks = new ArrayList<>();
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      for (int n = 1; n <= length; n++) {
        blocks.add(BlockBuilder.seal(fork, globals(n, timestamp + n), List.of()));
      }
    }
    return blocks;
  }

  private static GlobalVariables globals(long number, long timestamp) {
    return new GlobalVariables(31337, 1, number, number, timestamp, EthAddress.ZERO, AztecAddress.ZERO,
        new GasFees(1, 1));
  }
}
