package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;

/**
 * Roots of empty subtrees by level counted from the leaves: an empty leaf is 0 and an empty node is the hash of two
 * empty children (Aztec 4.1.2: merkle-tree tree_base.ts zeroHashes, barretenberg zero_hashes_). Counting from the
 * leaves makes the table shared by trees of every height.
 */
final class EmptyRoots {
  static final int MAX_HEIGHT = 64;
  private static final Fr[] ROOTS = compute();

  private EmptyRoots() {}

  private static Fr[] compute() {
    Fr[] roots = new Fr[MAX_HEIGHT + 1];
    roots[0] = Fr.ZERO;
    for (int level = 1; level <= MAX_HEIGHT; level++) {
      roots[level] = Poseidon2.hash2(roots[level - 1], roots[level - 1]);
    }
    return roots;
  }

  /** Root of an empty subtree whose leaves are {@code level} levels below it. */
  static Fr at(int level) {
    return ROOTS[level];
  }
}
