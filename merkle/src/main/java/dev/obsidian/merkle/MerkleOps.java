package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only Merkle tree operations over a {@link TreeState}: node = Poseidon2.hash2(left, right), empty leaf = 0
 * (Aztec 4.1.2 merkle-tree standard_tree / barretenberg ContentAddressedAppendOnlyTree). Indices are unsigned.
 */
final class MerkleOps {
  private MerkleOps() {}

  /** Appends leaf hashes and rehashes only the nodes above them, one level at a time. */
  static void append(TreeState tree, List<Fr> leaves) {
    int count = leaves.size();
    if (count == 0) {
      return;
    }
    requireRoom(tree, count);
    long first = tree.size();
    for (int i = 0; i < count; i++) {
      tree.putNode(0, first + i, leaves.get(i));
    }
    long low = first;
    long high = first + count - 1;
    for (int level = 0; level < tree.height; level++) {
      low >>>= 1;
      high >>>= 1;
      for (long parent = low; Long.compareUnsigned(parent, high) <= 0; parent++) {
        Fr left = tree.node(level, parent << 1);
        Fr right = tree.node(level, (parent << 1) | 1);
        tree.putNode(level + 1, parent, Poseidon2.hash2(left, right));
      }
    }
    tree.setSize(first + count);
  }

  static void requireRoom(TreeState tree, long count) {
    long free = tree.capacity() - tree.size();
    if (Long.compareUnsigned(count, free) > 0) {
      throw new TreeFullException(
          "tree of height "
              + tree.height
              + " holds "
              + Long.toUnsignedString(tree.size())
              + " leaves and has room for "
              + Long.toUnsignedString(free)
              + ", cannot add "
              + Long.toUnsignedString(count));
    }
  }

  /** Replaces the leaf hash at an existing index and rehashes its path to the root. */
  static void updateLeaf(TreeState tree, long index, Fr leafHash) {
    requireIndex(tree, index, "index");
    Fr current = leafHash;
    tree.putNode(0, index, current);
    for (int level = 0; level < tree.height; level++) {
      long position = index >>> level;
      Fr sibling = tree.node(level, position ^ 1);
      current =
          (position & 1) == 0 ? Poseidon2.hash2(current, sibling) : Poseidon2.hash2(sibling, current);
      tree.putNode(level + 1, position >>> 1, current);
    }
  }

  /** Siblings of leaf {@code index} from the leaf level up; the index may be the next free one. */
  static SiblingPath siblingPath(TreeState tree, long index) {
    if (Long.compareUnsigned(index, tree.capacity()) >= 0 && tree.height < 64) {
      throw new IllegalArgumentException(
          "index " + Long.toUnsignedString(index) + " is outside a tree of height " + tree.height);
    }
    List<Fr> siblings = new ArrayList<>(tree.height);
    for (int level = 0; level < tree.height; level++) {
      siblings.add(tree.node(level, (index >>> level) ^ 1));
    }
    return new SiblingPath(siblings);
  }

  static void requireIndex(TreeState tree, long index, String field) {
    if (Long.compareUnsigned(index, tree.size()) >= 0) {
      throw new IllegalArgumentException(
          field
              + " "
              + Long.toUnsignedString(index)
              + " is not a leaf: the tree holds "
              + Long.toUnsignedString(tree.size())
              + " leaves");
    }
  }
}
