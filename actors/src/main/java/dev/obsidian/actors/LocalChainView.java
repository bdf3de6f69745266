package dev.obsidian.actors;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
import java.util.List;
import java.util.Optional;

/** {@link ChainView} over this node's world-state store and block index. */
public final class LocalChainView implements ChainView {
  private final WorldStateStore store;
  private final ChainIndex index;

  public LocalChainView(WorldStateStore store, ChainIndex index) {
    this.store = store;
    this.index = index;
  }

  @Override
  public long latestBlockNumber() {
    return index.latestBlockNumber();
  }

  @Override
  public long latestTimestampSeconds() {
    return index.latestTimestampSeconds();
  }

  @Override
  public boolean isKnownBlockHash(Fr blockHash) {
    return index.blockNumberOf(blockHash).isPresent();
  }

  @Override
  public boolean nullifierExists(Fr nullifier) {
    try (WorldStateSnapshot snapshot = store.snapshot(store.latestBlock())) {
      return snapshot.containsKey(TreeId.NULLIFIER, nullifier);
    }
  }

  /** One snapshot for all of a tx's nullifiers: opening one costs more than a lookup. */
  @Override
  public int firstExistingNullifier(List<Fr> nullifiers) {
    try (WorldStateSnapshot snapshot = store.snapshot(store.latestBlock())) {
      for (int i = 0; i < nullifiers.size(); i++) {
        if (snapshot.containsKey(TreeId.NULLIFIER, nullifiers.get(i))) {
          return i;
        }
      }
      return -1;
    }
  }

  @Override
  public java.util.Map<TxHash, Long> inclusionBlocks(java.util.Collection<TxHash> txHashes) {
    return index.inclusionBlocks(txHashes);
  }

  @Override
  public Optional<Long> inclusionBlock(TxHash txHash) {
    return index.txEffect(txHash).map(IndexedTxEffect::blockNumber);
  }
}
