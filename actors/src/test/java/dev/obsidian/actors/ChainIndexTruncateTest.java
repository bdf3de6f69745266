package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dropping blocks from the index (a follower after an L1 reorg) forgets exactly what they brought. */
class ChainIndexTruncateTest {

  @Test
  void truncatingForgetsTheDroppedBlocksAndTheirTxsNotesAndLogs() {
    RandomTxs random = new RandomTxs(11, 31337, 1);
    List<L2Block> chain = new ArrayList<>();
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      Fr last = Constants.GENESIS_BLOCK_HEADER_HASH;
      for (long number = 1; number <= 3; number++) {
        List<TxEffect> effects = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Tx tx = random.next(last, fork);
          while (tx.effects().noteHashes().isEmpty() || tx.effects().privateLogs().isEmpty()) {
            tx = random.next(last, fork);
          }
          BlockBuilder.apply(fork, tx.effects());
          effects.add(new TxEffect(tx.hash(), 0, tx.effects()));
        }
        L2Block block = BlockBuilder.seal(fork, new GlobalVariables(31337, 1, number, number, 1000 + number,
            EthAddress.ZERO, AztecAddress.ZERO, new GasFees(1, 1)), effects);
        chain.add(block);
        last = block.hash();
      }
    }
    ChainIndex index = new ChainIndex(Constants.GENESIS_BLOCK_HEADER_HASH);
    chain.forEach(index::add);
    TxEffect kept = chain.get(0).txEffects().get(1);
    TxEffect dropped = chain.get(2).txEffects().get(0);
    Optional<Long> keptLeaf = index.noteHashLeafIndex(kept.effects().noteHashes().get(0));
    assertTrue(keptLeaf.isPresent());

    index.truncateAfter(1);
    assertEquals(1, index.latestBlockNumber());
    assertEquals(chain.get(0).hash(), index.latestBlockHash());
    assertEquals(Optional.empty(), index.block(2));
    assertEquals(Optional.empty(), index.txEffect(dropped.txHash()));
    assertEquals(Optional.empty(), index.blockNumberOf(chain.get(2).hash()));
    assertEquals(Optional.empty(), index.noteHashLeafIndex(dropped.effects().noteHashes().get(0)));
    assertEquals(List.of(), index.logsByTag(dropped.effects().privateLogs().get(0).tag(), 10));
    assertEquals(keptLeaf, index.noteHashLeafIndex(kept.effects().noteHashes().get(0)));
    assertEquals(1, index.txEffect(kept.txHash()).orElseThrow().blockNumber());

    index.add(chain.get(1)); // the same blocks come back after the reorg
    index.add(chain.get(2));
    assertEquals(3, index.txEffect(dropped.txHash()).orElseThrow().blockNumber());
    assertEquals(1, index.logsByTag(dropped.effects().privateLogs().get(0).tag(), 10).size());
  }
}
