package dev.obsidian.actors.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {
  /** Aztec's genesis header: empty except the initial state reference; its hash is a published constant. */
  private static BlockHeader genesis() {
    try (WorldStateFork state = WorldStateFork.inMemoryGenesis()) {
      return new BlockHeader(new TreeInfo(Fr.ZERO, 0), StateReference.of(state), Fr.ZERO, GlobalVariables.empty(), Fr.ZERO, 0);
    }
  }

  @Test
  void genesisHeaderHashesToAztecsGenesisBlockHeaderHash() {
    assertEquals(BlockHeader.LENGTH, genesis().toFields().size());
    assertEquals(Constants.GENESIS_BLOCK_HEADER_HASH, genesis().hash());
  }

  @Test
  void genesisArchiveHoldsThatHash() {
    try (WorldStateFork state = WorldStateFork.inMemoryGenesis()) {
      assertEquals(genesis().hash(), state.leafHash(TreeId.ARCHIVE, 0));
      assertEquals(Constants.GENESIS_ARCHIVE_ROOT, state.treeInfo(TreeId.ARCHIVE).root());
    }
  }

  @Test
  void globalsChangeTheHash() {
    BlockHeader header = genesis();
    GlobalVariables globals = new GlobalVariables(31337, 1, 1, 1, 1_700_000_000L, dev.obsidian.crypto.protocol.EthAddress.ZERO,
        dev.obsidian.crypto.protocol.AztecAddress.ZERO, dev.obsidian.actors.tx.GasFees.ZERO);
    BlockHeader other = new BlockHeader(header.lastArchive(), header.state(), header.spongeBlobHash(), globals, Fr.ZERO, 0);
    assertNotEquals(header.hash(), other.hash());
  }
}
