package dev.obsidian.merkle;

import java.util.Optional;

/**
 * Result of inserting one leaf in place: the low leaf before it was touched and, unless the key already existed and
 * was updated in place, the new leaf as appended with the sibling path of its index before the append.
 */
public record SequentialInsertionResult(LeafWitness lowLeafWitness, Optional<LeafWitness> insertionWitness) {
  public boolean updatedInPlace() {
    return insertionWitness.isEmpty();
  }
}
