package dev.obsidian.merkle;

/** An append or insertion would need more leaves than a tree of its height holds. */
public final class TreeFullException extends MerkleTreeException {
  public TreeFullException(String message) {
    super(message);
  }
}
