package dev.obsidian.actors;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import java.util.Optional;

/**
 * A tx's status (Aztec TxReceipt: txHash, status, error, blockNumber, blockHash, transactionFee).
 *
 * @param dropReason why it was evicted, for {@link TxStatus#DROPPED}
 */
public record TxReceipt(
    TxHash txHash,
    TxStatus status,
    Optional<String> dropReason,
    Optional<Long> blockNumber,
    Optional<Fr> blockHash,
    long transactionFee) implements dev.obsidian.persistence.ObsidianSerializable {

  public static TxReceipt pending(TxHash txHash) {
    return new TxReceipt(txHash, TxStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), 0);
  }

  public static TxReceipt unknown(TxHash txHash) {
    return new TxReceipt(txHash, TxStatus.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), 0);
  }

  public static TxReceipt dropped(TxHash txHash, String reason) {
    return new TxReceipt(txHash, TxStatus.DROPPED, Optional.of(reason), Optional.empty(), Optional.empty(), 0);
  }
}
