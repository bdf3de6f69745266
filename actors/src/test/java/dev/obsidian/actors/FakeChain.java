package dev.obsidian.actors;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** A chain view for unit tests: genesis anchor known, nullifiers and included txs added by hand. */
class FakeChain implements ChainView {
  final Set<Fr> nullifiers = new ConcurrentSkipListSet<>();
  final Map<TxHash, Long> included = new ConcurrentHashMap<>();
  volatile long latestBlock;
  volatile long latestTimestamp;

  @Override
  public long latestBlockNumber() {
    return latestBlock;
  }

  @Override
  public long latestTimestampSeconds() {
    return latestTimestamp;
  }

  @Override
  public boolean isKnownBlockHash(Fr blockHash) {
    return blockHash.equals(Constants.GENESIS_BLOCK_HEADER_HASH);
  }

  @Override
  public boolean nullifierExists(Fr nullifier) {
    return nullifiers.contains(nullifier);
  }

  @Override
  public Optional<Long> inclusionBlock(TxHash txHash) {
    return Optional.ofNullable(included.get(txHash));
  }
}
