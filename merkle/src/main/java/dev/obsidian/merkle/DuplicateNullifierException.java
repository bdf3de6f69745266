package dev.obsidian.merkle;

/** A nullifier that is already in the tree, or twice in one batch: nullifiers are insert-only. */
public final class DuplicateNullifierException extends MerkleTreeException {
  public DuplicateNullifierException(String message) {
    super(message);
  }
}
