package dev.obsidian.actors.block;

import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;

/** A mined tx's effects as the block records them (stdlib tx/tx_effect.ts: txHash, fee, effects). */
public record TxEffect(TxHash txHash, long transactionFee, TxEffects effects) {
  public TxEffect {
    if (txHash == null || effects == null) {
      throw new IllegalArgumentException("txHash and effects must be present");
    }
    if (transactionFee < 0) {
      throw new IllegalArgumentException("transactionFee must not be negative, got " + transactionFee);
    }
  }
}
