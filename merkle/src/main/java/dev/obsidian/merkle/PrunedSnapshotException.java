package dev.obsidian.merkle;

/** The requested block is older than the oldest snapshot the store still keeps. */
public final class PrunedSnapshotException extends MerkleTreeException {
  private final long blockNumber;
  private final long oldestAvailableBlock;

  public PrunedSnapshotException(long blockNumber, long oldestAvailableBlock) {
    super("block " + blockNumber + " has been pruned: the oldest readable block is " + oldestAvailableBlock);
    this.blockNumber = blockNumber;
    this.oldestAvailableBlock = oldestAvailableBlock;
  }

  public long blockNumber() {
    return blockNumber;
  }

  public long oldestAvailableBlock() {
    return oldestAvailableBlock;
  }
}
