package dev.obsidian.actors;

import dev.obsidian.actors.tx.TxHash;

/** The mempool's answer to a submitted (or checked) transaction. */
public sealed interface TxVerdict extends dev.obsidian.persistence.ObsidianSerializable {
  /** Accepted into the mempool (for {@code isValidTx}: would be accepted now). */
  record Accepted(TxHash txHash) implements TxVerdict {}

  /**
   * Refused; nothing was stored.
   *
   * @param field the part of the tx at fault, e.g. {@code effects.nullifiers[0]}, or {@code tx} for the whole
   */
  record Rejected(Code code, String field, String reason) implements TxVerdict {}

  /** Why a tx was refused; stable names for clients and JSON-RPC error data. */
  enum Code {
    MALFORMED,
    TOO_LARGE,
    WRONG_CHAIN,
    FEE_TOO_LOW,
    UNKNOWN_ANCHOR,
    EXPIRED,
    DUPLICATE_TX,
    DOUBLE_SPEND,
    INVALID_PROOF,
    PUBLIC_CALLS_UNSUPPORTED,
    MEMPOOL_FULL,
    MEMPOOL_BUSY,
    /** Proving is on and the tx's effects exceed what this node's circuits hold (it could never be proven). */
    NOT_PROVABLE
  }
}
