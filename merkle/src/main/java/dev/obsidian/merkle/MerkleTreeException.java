package dev.obsidian.merkle;

/** Base of the merkle module's failures; each subclass names one condition a caller may want to handle. */
public class MerkleTreeException extends RuntimeException {
  public MerkleTreeException(String message) {
    super(message);
  }

  public MerkleTreeException(String message, Throwable cause) {
    super(message, cause);
  }
}
