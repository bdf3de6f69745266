package dev.obsidian.actors;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
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
      return snapshot.membershipWitness(TreeId.NULLIFIER, nullifier).isPresent();
    }
  }

  @Override
  public Optional<Long> inclusionBlock(TxHash txHash) {
    return index.txEffect(txHash).map(IndexedTxEffect::blockNumber);
  }
}
