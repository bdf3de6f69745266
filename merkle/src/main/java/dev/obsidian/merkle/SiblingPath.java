package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.List;

/**
 * The siblings of a node on its way to the root, nearest first (Aztec's SiblingPath order). Element {@code i} is the
 * sibling at level {@code i} above the start node.
 */
public record SiblingPath(List<Fr> siblings) {
  public SiblingPath {
    siblings = List.copyOf(siblings);
  }

  public int length() {
    return siblings.size();
  }

  public Fr get(int level) {
    return siblings.get(level);
  }

  /** The path above a subtree of the given height: Aztec's getSubtreeSiblingPath drops the first entries. */
  public SiblingPath aboveSubtree(int subtreeHeight) {
    if (subtreeHeight < 0 || subtreeHeight > siblings.size()) {
      throw new IllegalArgumentException(
          "subtreeHeight " + subtreeHeight + " is outside 0.." + siblings.size() + " for this path");
    }
    return new SiblingPath(siblings.subList(subtreeHeight, siblings.size()));
  }

  /** The root reached by hashing {@code node} at position {@code index} of its level with this path. */
  public Fr rootFrom(Fr node, long index) {
    Fr current = node;
    for (int level = 0; level < siblings.size(); level++) {
      boolean isRightChild = ((index >>> level) & 1) == 1;
      current =
          isRightChild
              ? Poseidon2.hash2(siblings.get(level), current)
              : Poseidon2.hash2(current, siblings.get(level));
    }
    return current;
  }
}
