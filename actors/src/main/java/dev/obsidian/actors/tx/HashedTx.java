package dev.obsidian.actors.tx;

/**
 * A tx with its hash, computed once where the tx enters the node (the mempool) and carried through selection, the
 * proposal and block building: the hash is a Poseidon2 sponge over ~1,300 fields, the costliest step of a tx's path.
 */
public record HashedTx(TxHash hash, Tx tx) {
  public HashedTx {
    Require.present(hash, "hash");
    Require.present(tx, "tx");
  }

  /** Hashes {@code tx}. */
  public static HashedTx of(Tx tx) {
    return new HashedTx(tx.hash(), tx);
  }
}
