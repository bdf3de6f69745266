package dev.obsidian.merkle;

import static dev.obsidian.merkle.Vectors.fr;
import static dev.obsidian.merkle.Vectors.frs;
import static dev.obsidian.merkle.Vectors.get;
import static dev.obsidian.merkle.Vectors.maps;
import static dev.obsidian.merkle.Vectors.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.obsidian.crypto.field.Fr;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers from nullifier-batch.json: StandardIndexedTree.batchInsert of @aztec/merkle-tree 4.1.2 on the
 * genesis nullifier tree, one call per tx (padded to 64, subtree height 6), every witness compared.
 */
class NullifierBatchVectorsTest {
  private static final Map<String, Object> VECTORS = Vectors.load("nullifier-batch.json");

  @Test
  void batchInsertionsMatchAztec() {
    var cases = maps(VECTORS, "cases");
    assertEquals(5, cases.size());
    for (var c : cases) {
      WorldStateFork fork = WorldStateFork.inMemoryGenesis();
      for (var insertion : maps(c, "insertions")) {
        checkInsertion((String) get(c, "name"), fork, insertion);
      }
    }
  }

  private static void checkInsertion(String name, WorldStateFork fork, Map<String, Object> expected) {
    assertEquals(
        new TreeInfo(fr(expected, "rootBefore"), number(expected, "sizeBefore")),
        fork.treeInfo(TreeId.NULLIFIER),
        name);
    BatchInsertionResult result = fork.insertTxNullifiers(frs(expected, "nullifiers"));
    assertEquals(
        frs(expected, "sortedNewLeaves"), result.sortedNewLeaves().stream().map(IndexedLeaf::key).toList(), name);
    assertEquals(
        ((List<?>) get(expected, "sortedNewLeavesIndexes")).stream().map(i -> ((Number) i).intValue()).toList(),
        result.sortedNewLeafIndexes(),
        name);
    var witnesses = maps(expected, "lowLeavesWitnessData");
    for (int i = 0; i < witnesses.size(); i++) {
      assertEquals(expectedWitness(witnesses.get(i)), result.lowLeafWitnesses().get(i), name + " witness " + i);
    }
    assertEquals(frs(expected, "newSubtreeSiblingPath"), result.newSubtreeSiblingPath().siblings(), name);
    for (var inserted : maps(expected, "insertedLeaves")) {
      assertEquals(
          Vectors.preimage(get(inserted, "preimage")),
          fork.indexedLeaf(TreeId.NULLIFIER, number(inserted, "index")).orElseThrow(),
          name);
    }
    assertEquals(
        new TreeInfo(fr(expected, "rootAfter"), number(expected, "sizeAfter")), fork.treeInfo(TreeId.NULLIFIER), name);
  }

  /** null in the vectors is batchInsert's shared empty witness: preimage {0,0,0}, index 0, 42 zero siblings. */
  private static LeafWitness expectedWitness(Map<String, Object> witness) {
    if (witness == null) {
      return new LeafWitness(NullifierLeaf.EMPTY, 0, new SiblingPath(Collections.nCopies(42, Fr.ZERO)));
    }
    return new LeafWitness(
        Vectors.preimage(get(witness, "leafPreimage")),
        number(witness, "index"),
        new SiblingPath(frs(witness, "siblingPath")));
  }

  @Test
  void duplicatesAreRejectedLikeAztec() {
    var errors = maps(VECTORS, "errors");
    assertEquals(2, errors.size());
    for (var error : errors) {
      WorldStateFork fork = WorldStateFork.inMemoryGenesis();
      TreeInfo before = fork.treeInfo(TreeId.NULLIFIER);
      assertThrows(DuplicateNullifierException.class, () -> fork.insertTxNullifiers(frs(error, "nullifiers")));
      assertEquals(before, fork.treeInfo(TreeId.NULLIFIER), (String) get(error, "name"));
    }
  }
}
