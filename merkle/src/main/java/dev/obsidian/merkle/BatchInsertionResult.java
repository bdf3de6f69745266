package dev.obsidian.merkle;

import java.util.List;

/**
 * The hints of Aztec's indexed-tree batch insertion (4.1.2 stdlib BatchInsertionResult): one low-leaf witness per new
 * leaf in descending key order (the empty witness for padding entries), the new leaves in that order with their
 * positions in the original batch, and the sibling path of the subtree the batch is appended as.
 */
public record BatchInsertionResult(
    List<LeafWitness> lowLeafWitnesses,
    List<IndexedLeaf> sortedNewLeaves,
    List<Integer> sortedNewLeafIndexes,
    SiblingPath newSubtreeSiblingPath) {
  public BatchInsertionResult {
    lowLeafWitnesses = List.copyOf(lowLeafWitnesses);
    sortedNewLeaves = List.copyOf(sortedNewLeaves);
    sortedNewLeafIndexes = List.copyOf(sortedNewLeafIndexes);
  }
}
