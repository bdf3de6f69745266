package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.Optional;

/** Read operations on the five world-state trees, as of a committed block or of an uncommitted fork. */
public interface WorldStateReader {
  /** The block this view shows; for a fork, the block it was forked from. */
  long blockNumber();

  TreeInfo treeInfo(TreeId tree);

  /** The leaf hash at an index below the tree's size. */
  Fr leafHash(TreeId tree, long index);

  SiblingPath siblingPath(TreeId tree, long index);

  /** The preimage of an indexed tree's leaf, empty for a padding slot. */
  Optional<IndexedLeaf> indexedLeaf(TreeId tree, long index);

  /**
   * The low leaf of {@code key} in an indexed tree: the leaf with the largest key at or below it. If its key is
   * {@code key} this is a membership witness, else it proves {@code key} absent (low.key &lt; key and key &lt;
   * low.nextKey or low.nextKey = 0).
   */
  LeafWitness lowLeafWitness(TreeId tree, Fr key);

  /** The witness of {@code key}'s own leaf, or empty when the key is not in the tree. */
  default Optional<LeafWitness> membershipWitness(TreeId tree, Fr key) {
    LeafWitness low = lowLeafWitness(tree, key);
    return low.leaf().key().equals(key) ? Optional.of(low) : Optional.empty();
  }

  /** Whether {@code key} is in an indexed tree; unlike {@link #membershipWitness} it computes no sibling path. */
  default boolean containsKey(TreeId tree, Fr key) {
    return membershipWitness(tree, key).isPresent();
  }
}
