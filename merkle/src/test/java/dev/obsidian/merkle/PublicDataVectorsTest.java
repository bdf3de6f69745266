package dev.obsidian.merkle;

import static dev.obsidian.merkle.Vectors.fr;
import static dev.obsidian.merkle.Vectors.frs;
import static dev.obsidian.merkle.Vectors.get;
import static dev.obsidian.merkle.Vectors.map;
import static dev.obsidian.merkle.Vectors.maps;
import static dev.obsidian.merkle.Vectors.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Known answers from public-data.json (@aztec/merkle-tree 4.1.2 on the genesis public data tree): the update-in-place
 * semantics of the 4.1.2 world state ({@code sequential}) and the package's batchInsert ({@code batchInsert}).
 */
class PublicDataVectorsTest {
  private static final Map<String, Object> VECTORS = Vectors.load("public-data.json");

  @Test
  void leafHashes() {
    for (var c : maps(VECTORS, "leafHashes")) {
      assertEquals(fr(c, "leafHash"), Vectors.preimage(get(c, "preimage")).hash());
    }
  }

  @Test
  void sequentialWritesUpdateInPlace() {
    for (String sequence : List.of("insertsThenUpdates", "interleaved")) {
      WorldStateFork fork = WorldStateFork.inMemoryGenesis();
      for (var step : maps(map(VECTORS, sequence), "sequential")) {
        checkBefore(fork, step, sequence);
        SequentialInsertionResult result = fork.writePublicData(fr(step, "slot"), fr(step, "value"));
        checkLowLeaf(fork, step, result.lowLeafWitness(), sequence);
        assertEquals(get(step, "isUpdate"), result.updatedInPlace(), sequence);
        var insertion = get(step, "insertion");
        if (insertion != null) {
          LeafWitness actual = result.insertionWitness().orElseThrow();
          assertEquals(number(insertion, "index"), actual.index(), sequence);
          assertEquals(Vectors.preimage(get(insertion, "preimage")), actual.leaf(), sequence);
          assertEquals(frs(insertion, "siblingPathBeforeInsertion"), actual.path().siblings(), sequence);
        }
        checkAfter(fork, step, sequence);
      }
    }
  }

  @Test
  void batchInsertAppendsAnEmptyLeafOnUpdate() {
    for (String sequence : List.of("insertsThenUpdates", "interleaved")) {
      WorldStateFork fork = WorldStateFork.inMemoryGenesis();
      for (var step : maps(map(VECTORS, sequence), "batchInsert")) {
        checkBefore(fork, step, sequence);
        BatchInsertionResult result =
            fork.batchInsert(
                TreeId.PUBLIC_DATA, List.of(PublicDataLeaf.write(fr(step, "slot"), fr(step, "value"))), 0);
        checkLowLeaf(fork, step, result.lowLeafWitnesses().get(0), sequence);
        var appended = map(step, "appendedLeaf");
        Optional<IndexedLeaf> expected = Optional.ofNullable(Vectors.preimage(get(appended, "preimage")));
        assertEquals(expected, fork.indexedLeaf(TreeId.PUBLIC_DATA, number(appended, "index")), sequence);
        checkAfter(fork, step, sequence);
      }
    }
  }

  private static void checkBefore(WorldStateFork fork, Map<String, Object> step, String name) {
    assertEquals(
        new TreeInfo(fr(step, "rootBefore"), number(step, "sizeBefore")), fork.treeInfo(TreeId.PUBLIC_DATA), name);
  }

  private static void checkLowLeaf(WorldStateFork fork, Map<String, Object> step, LeafWitness actual, String name) {
    var low = map(step, "lowLeaf");
    assertEquals(
        new LeafWitness(
            Vectors.preimage(get(low, "preimage")), number(low, "index"), new SiblingPath(frs(low, "siblingPath"))),
        actual,
        name);
    assertEquals(
        Vectors.preimage(get(step, "lowLeafAfter")),
        fork.indexedLeaf(TreeId.PUBLIC_DATA, actual.index()).orElseThrow(),
        name);
  }

  private static void checkAfter(WorldStateFork fork, Map<String, Object> step, String name) {
    assertEquals(
        new TreeInfo(fr(step, "rootAfter"), number(step, "sizeAfter")), fork.treeInfo(TreeId.PUBLIC_DATA), name);
  }
}
