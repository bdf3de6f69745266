package dev.obsidian.merkle;

/** A fork was committed although its base block is no longer the latest: another fork was committed first. */
public final class StaleForkException extends MerkleTreeException {
  public StaleForkException(long forkBaseBlock, long latestBlock) {
    super(
        "cannot commit a fork of block "
            + forkBaseBlock
            + ": the latest committed block is "
            + latestBlock
            + ", so the fork would overwrite history; fork again from the latest block");
  }
}
