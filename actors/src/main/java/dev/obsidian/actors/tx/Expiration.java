package dev.obsidian.actors.tx;

/**
 * The last block a transaction may be included in. Aztec 4.1.2 only has {@code expirationTimestamp} (the tx is
 * invalid in a block whose timestamp is later); Obsidian also lets a tx bound the block number.
 *
 * @param maxBlockNumber the tx may be included in blocks up to this number
 * @param maxTimestampSeconds ... and whose timestamp (Unix seconds) is at most this
 */
public record Expiration(long maxBlockNumber, long maxTimestampSeconds) {
  /** No bound in either dimension. */
  public static final Expiration NEVER = new Expiration(Long.MAX_VALUE, Long.MAX_VALUE);

  public Expiration {
    Require.nonNegative(maxBlockNumber, "expiration.maxBlockNumber");
    Require.nonNegative(maxTimestampSeconds, "expiration.maxTimestampSeconds");
  }

  public boolean isExpiredAt(long blockNumber, long timestampSeconds) {
    return blockNumber > maxBlockNumber || timestampSeconds > maxTimestampSeconds;
  }
}
