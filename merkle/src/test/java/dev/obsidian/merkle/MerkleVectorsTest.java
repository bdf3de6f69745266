package dev.obsidian.merkle;

import static dev.obsidian.merkle.Vectors.fr;
import static dev.obsidian.merkle.Vectors.frs;
import static dev.obsidian.merkle.Vectors.get;
import static dev.obsidian.merkle.Vectors.map;
import static dev.obsidian.merkle.Vectors.maps;
import static dev.obsidian.merkle.Vectors.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers from merkle.json, computed by @aztec/merkle-tree 4.1.2 (StandardTree, StandardIndexedTree). */
class MerkleVectorsTest {
  private static final Map<String, Object> VECTORS = Vectors.load("merkle.json");

  @Test
  void emptyRoots() {
    var cases = maps(VECTORS, "emptyRoots");
    assertEquals(43, cases.size());
    for (var c : cases) {
      assertEquals(fr(c, "root"), AppendOnlyTree.emptyRoot((int) number(c, "height")), "height " + get(c, "height"));
    }
  }

  @Test
  void appendedTreesRootsAndPaths() {
    var cases = maps(VECTORS, "append");
    assertFalse(cases.isEmpty());
    for (var c : cases) {
      AppendOnlyTree tree = new AppendOnlyTree((int) number(c, "height"));
      tree.append(frs(c, "leaves"));
      String name = "height " + get(c, "height") + " with " + tree.size() + " leaves";
      assertEquals(number(c, "size"), tree.size(), name);
      assertEquals(fr(c, "root"), tree.root(), name);
      for (var path : maps(c, "siblingPaths")) {
        long index = number(path, "index");
        assertEquals(frs(path, "siblingPath"), tree.siblingPath(index).siblings(), name + " index " + index);
      }
    }
  }

  @Test
  void incrementalAppends() {
    for (var c : maps(VECTORS, "incrementalAppend")) {
      AppendOnlyTree tree = new AppendOnlyTree((int) number(c, "height"));
      for (var batch : maps(c, "batches")) {
        tree.append(frs(batch, "leaves"));
        assertEquals(number(batch, "sizeAfter"), tree.size());
        assertEquals(fr(batch, "rootAfter"), tree.root());
      }
    }
  }

  @Test
  void genesisTrees() {
    var genesis = map(VECTORS, "genesis");
    WorldStateFork fork = WorldStateFork.inMemoryGenesis();
    checkTree(fork, TreeId.NOTE_HASH, map(genesis, "noteHashTree"));
    checkTree(fork, TreeId.NULLIFIER, map(genesis, "nullifierTree"));
    checkTree(fork, TreeId.PUBLIC_DATA, map(genesis, "publicDataTree"));
    checkTree(fork, TreeId.L1_TO_L2_MESSAGE, map(genesis, "l1ToL2MessageTree"));
    var archive = map(genesis, "archiveTree");
    checkTree(fork, TreeId.ARCHIVE, archive);
    assertEquals(fr(map(genesis, "genesisBlockHeader"), "hash"), fork.leafHash(TreeId.ARCHIVE, 0));
    assertEquals(frs(archive, "leaves").get(0), fork.leafHash(TreeId.ARCHIVE, 0));
    assertEquals(frs(archive, "siblingPathOfLeaf0"), fork.siblingPath(TreeId.ARCHIVE, 0).siblings());
  }

  @Test
  void nullifierLeafHashes() {
    for (var c : maps(VECTORS, "nullifierLeafHashes")) {
      assertEquals(fr(c, "leafHash"), Vectors.preimage(get(c, "preimage")).hash());
    }
  }

  private static void checkTree(WorldStateFork fork, TreeId tree, Map<String, Object> expected) {
    assertEquals(number(expected, "height"), tree.height(), tree.name());
    assertEquals(new TreeInfo(fr(expected, "root"), number(expected, "size")), fork.treeInfo(tree), tree.name());
    if (get(expected, "sampleLeaves") == null) {
      return;
    }
    for (var sample : maps(expected, "sampleLeaves")) {
      long index = number(sample, "index");
      assertEquals(Vectors.preimage(get(sample, "preimage")), fork.indexedLeaf(tree, index).orElseThrow());
      assertEquals(fr(sample, "leafHash"), fork.leafHash(tree, index));
      assertEquals(frs(sample, "siblingPath"), fork.siblingPath(tree, index).siblings());
    }
  }
}
