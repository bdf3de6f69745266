package dev.obsidian.merkle;

/**
 * A leaf preimage, its index and its sibling path: what a circuit needs to prove the leaf is in the tree (Aztec
 * LeafUpdateWitnessData / membership witness). As a low-leaf witness, the leaf is the one whose key is the largest
 * below the key being inserted or proven absent.
 */
public record LeafWitness(IndexedLeaf leaf, long index, SiblingPath path) {
  public LeafWitness {
    if (leaf == null || path == null) {
      throw new IllegalArgumentException("leaf and path must not be null");
    }
  }
}
