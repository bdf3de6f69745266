package dev.obsidian.merkle;

/** The node store could not be opened, read or written (I/O, corruption, a closed store). */
public final class StoreException extends MerkleTreeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
