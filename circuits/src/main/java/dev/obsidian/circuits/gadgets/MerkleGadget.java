package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;

/**
 * Merkle paths with Aztec's hashing (node = Poseidon2 hash of (left, right), empty leaf 0), siblings nearest first
 * as in {@code dev.obsidian.merkle.SiblingPath}. Index bits are little-endian: bit i says the node at level i is a
 * right child.
 */
public final class MerkleGadget {
  private MerkleGadget() {}

  /** The root reached from {@code leaf} at the position given by {@code indexBits} (booleans) and the siblings. */
  public static Value root(CircuitBuilder builder, Value leaf, Value[] indexBits, Value[] siblings) {
    requireLengths(indexBits, siblings);
    Value current = leaf;
    for (int level = 0; level < siblings.length; level++) {
      current = parent(builder, current, siblings[level], indexBits[level]);
    }
    return current;
  }

  /** The little-endian bits of a leaf index in a tree of the given height, range-checked. */
  public static Value[] indexBits(CircuitBuilder builder, Value index, int height) {
    return builder.toBits(index, height);
  }

  /**
   * Asserts {@code oldLeaf} is at the path's position in {@code oldRoot} and returns the root with {@code newLeaf}
   * there instead: one path, two hash chains.
   */
  public static Value update(CircuitBuilder builder, Value oldRoot, Value oldLeaf, Value newLeaf, Value[] indexBits,
      Value[] siblings) {
    builder.assertEqual(root(builder, oldLeaf, indexBits, siblings), oldRoot);
    return root(builder, newLeaf, indexBits, siblings);
  }

  /** The root of a full subtree over {@code leaves} (a power of two of them). */
  public static Value subtreeRoot(CircuitBuilder builder, Value[] leaves) {
    if (leaves.length == 0 || Integer.bitCount(leaves.length) != 1) {
      throw new IllegalArgumentException("a subtree needs a power of two of leaves, got " + leaves.length);
    }
    Value[] level = leaves.clone();
    while (level.length > 1) {
      Value[] up = new Value[level.length / 2];
      for (int i = 0; i < up.length; i++) {
        up[i] = hashNode(builder, level[2 * i], level[2 * i + 1]);
      }
      level = up;
    }
    return level[0];
  }

  /**
   * Appends {@code leaves} (a power of two, 2^h of them) as the subtree at position {@code subtreeIndexBits} of level
   * h: asserts that subtree is empty in {@code oldRoot} and returns the new root. The siblings are those above the
   * subtree ({@code SiblingPath.aboveSubtree(h)}).
   */
  public static Value appendSubtree(CircuitBuilder builder, Value oldRoot, Value[] leaves, Value[] subtreeIndexBits,
      Value[] siblingsAbove) {
    int height = Integer.numberOfTrailingZeros(leaves.length);
    Value empty = Value.constant(emptyRoot(height));
    return update(builder, oldRoot, empty, subtreeRoot(builder, leaves), subtreeIndexBits, siblingsAbove);
  }

  /** Root of an empty tree of the given height (empty leaf 0). */
  public static Fr emptyRoot(int height) {
    Fr root = Fr.ZERO;
    for (int level = 0; level < height; level++) {
      root = Poseidon2.hash2(root, root);
    }
    return root;
  }

  private static Value parent(CircuitBuilder builder, Value node, Value sibling, Value isRight) {
    Value left = builder.select(isRight, sibling, node);
    Value right = node.plus(sibling).minus(left);
    return Poseidon2Gadget.hash2(builder, left, right);
  }

  /** Hashes two nodes, folding the hash of two constants (empty subtrees) at build time. */
  private static Value hashNode(CircuitBuilder builder, Value left, Value right) {
    if (left.isConstant() && right.isConstant()) {
      return Value.constant(Poseidon2.hash2(left.constantPart(), right.constantPart()));
    }
    return Poseidon2Gadget.hash2(builder, left, right);
  }

  private static void requireLengths(Value[] indexBits, Value[] siblings) {
    if (indexBits.length != siblings.length) {
      throw new IllegalArgumentException("a path of " + siblings.length + " siblings needs as many index bits, got "
          + indexBits.length);
    }
  }
}
