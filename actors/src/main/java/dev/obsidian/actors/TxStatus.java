package dev.obsidian.actors;

/** Where a tx is in its life. */
public enum TxStatus {
  /** In the mempool, waiting for a block. */
  PENDING,
  /** In a built block applied to the world state. */
  MINED,
  /** In a block whose proof (for now: checked public inputs) is done. */
  PROVEN,
  /** Evicted from the mempool; the receipt says why. */
  DROPPED,
  /** Never seen, or dropped so long ago it was forgotten. */
  UNKNOWN
}
