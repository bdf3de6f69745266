package dev.obsidian.actors.block;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeInfo;
import java.util.List;

/**
 * A built block: its header, the archive after its header hash was appended, and its txs' effects in order.
 *
 * @param archive the archive tree including this block (Aztec L2Block.archive)
 */
public record L2Block(BlockHeader header, TreeInfo archive, List<TxEffect> txEffects) {
  public L2Block {
    if (header == null || archive == null || txEffects == null) {
      throw new IllegalArgumentException("header, archive and txEffects must be present");
    }
    txEffects = List.copyOf(txEffects);
  }

  public long number() {
    return header.blockNumber();
  }

  public Fr hash() {
    return header.hash();
  }

  public List<TxHash> txHashes() {
    return txEffects.stream().map(TxEffect::txHash).toList();
  }
}
