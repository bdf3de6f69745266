package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only Merkle tree operations over a {@link TreeState}: node = Poseidon2.hash2(left, right), empty leaf = 0
 * (Aztec 4.1.2 merkle-tree standard_tree / barretenberg ContentAddressedAppendOnlyTree). Indices are unsigned.
 */
final class MerkleOps {
  private MerkleOps() {}

  /** Appends leaf hashes; the nodes above them are rehashed when next read (see {@link TreeState}). */
  static void append(TreeState tree, List<Fr> leaves) {
    int count = leaves.size();
    if (count == 0) {
      return;
    }
    requireRoom(tree, count);
    long first = tree.size();
    for (int i = 0; i < count; i++) {
      tree.putLeafHash(first + i, leaves.get(i));
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

  /** Replaces the leaf hash at an existing index; its path to the root is rehashed when next read. */
  static void updateLeaf(TreeState tree, long index, Fr leafHash) {
    requireIndex(tree, index, "index");
    tree.putLeafHash(index, leafHash);
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
