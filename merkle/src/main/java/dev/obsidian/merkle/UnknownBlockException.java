package dev.obsidian.merkle;

/** The requested block has not been committed to the store (yet). */
public final class UnknownBlockException extends MerkleTreeException {
  private final long blockNumber;

  public UnknownBlockException(long blockNumber, long latestBlock) {
    super("block " + blockNumber + " is unknown: the latest committed block is " + latestBlock);
    this.blockNumber = blockNumber;
  }

  public long blockNumber() {
    return blockNumber;
  }
}
