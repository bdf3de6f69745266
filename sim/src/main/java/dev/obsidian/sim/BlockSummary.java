package dev.obsidian.sim;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import java.util.List;

/** What a load run needs of a mined block: its number, its hash (the next anchor) and its txs. */
public record BlockSummary(long number, Fr hash, List<TxHash> txHashes) {
  public BlockSummary {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1 (genesis has no body), got " + number);
    }
    if (hash == null || txHashes == null) {
      throw new IllegalArgumentException("hash and txHashes must be present");
    }
    txHashes = List.copyOf(txHashes);
  }
}
