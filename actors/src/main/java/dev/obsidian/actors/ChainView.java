package dev.obsidian.actors;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Optional;

/**
 * What the mempool needs to know about the committed chain to admit a tx. Read-only and thread-safe; backed by the
 * world-state store and the block index ({@link LocalChainView}).
 */
public interface ChainView {
  long latestBlockNumber();

  /** Timestamp (Unix seconds) of the latest block; 0 at genesis. */
  long latestTimestampSeconds();

  /** Whether a block with this header hash is in the archive. */
  boolean isKnownBlockHash(Fr blockHash);

  /** Whether the nullifier is in the committed nullifier tree. */
  boolean nullifierExists(Fr nullifier);

  /** The position of the first of {@code nullifiers} already in the committed nullifier tree, or -1. */
  default int firstExistingNullifier(List<Fr> nullifiers) {
    for (int i = 0; i < nullifiers.size(); i++) {
      if (nullifierExists(nullifiers.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The block that included this tx, if the committed chain has it. */
  Optional<Long> inclusionBlock(TxHash txHash);

  /** The including block of each of {@code txHashes} the committed chain has (one look-up for many txs). */
  default java.util.Map<TxHash, Long> inclusionBlocks(java.util.Collection<TxHash> txHashes) {
    java.util.Map<TxHash, Long> found = new java.util.HashMap<>();
    for (TxHash hash : txHashes) {
      inclusionBlock(hash).ifPresent(block -> found.put(hash, block));
    }
    return found;
  }
}
