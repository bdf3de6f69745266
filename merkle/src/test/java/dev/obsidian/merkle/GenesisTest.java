package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.field.Fr;
import org.junit.jupiter.api.Test;

/**
 * Aztec 4.1.2 publishes the genesis block header hash and archive root as protocol constants
 * (yarn-project/constants/src/constants.gen.ts of @aztec/constants 4.1.2, generated from constants.nr). Reproducing
 * both checks the prefilled nullifier and public data trees, the empty note hash and message trees, the header
 * layout and hash, and the archive tree in one go.
 */
class GenesisTest {
  private static final Fr GENESIS_BLOCK_HEADER_HASH =
      Fr.parse("21694244557328181932449230888455310614586084993178835904749768133365362325861");
  private static final Fr GENESIS_ARCHIVE_ROOT =
      Fr.parse("9682850228538071369704502076456077473410427336083826595120404283897422804423");

  @Test
  void genesisHeaderHashIsAztecs() {
    WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
    assertEquals(1, genesis.treeInfo(TreeId.ARCHIVE).size());
    assertEquals(GENESIS_BLOCK_HEADER_HASH, genesis.leafHash(TreeId.ARCHIVE, 0));
  }

  @Test
  void genesisArchiveRootIsAztecs() {
    assertEquals(GENESIS_ARCHIVE_ROOT, WorldStateFork.inMemoryGenesis().treeInfo(TreeId.ARCHIVE).root());
  }

  @Test
  void genesisTreesHaveAztecsSizes() {
    WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
    assertEquals(128, genesis.treeInfo(TreeId.NULLIFIER).size());
    assertEquals(128, genesis.treeInfo(TreeId.PUBLIC_DATA).size());
    assertEquals(0, genesis.treeInfo(TreeId.NOTE_HASH).size());
    assertEquals(0, genesis.treeInfo(TreeId.L1_TO_L2_MESSAGE).size());
    assertEquals(AppendOnlyTree.emptyRoot(42), genesis.treeInfo(TreeId.NOTE_HASH).root());
    assertEquals(AppendOnlyTree.emptyRoot(36), genesis.treeInfo(TreeId.L1_TO_L2_MESSAGE).root());
  }
}
