package dev.obsidian.merkle;

/** The same key (public data slot) appears twice in one batch insertion, which Aztec's batch algorithm rejects. */
public final class DuplicateLeafKeyException extends MerkleTreeException {
  public DuplicateLeafKeyException(String message) {
    super(message);
  }
}
