package dev.obsidian.actors;

import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finds the bodies of txs the mempool once admitted (the mempool forgets a tx once it is included, but its
 * {@code TxAccepted} event stays in the journal). Used to put the txs of rolled-back blocks back into the mempool.
 */
@FunctionalInterface
public interface TxArchive {
  /** Those of {@code hashes} it knows, in the order of {@code hashes}; unknown ones are left out. */
  CompletionStage<List<Tx>> find(List<TxHash> hashes);

  /** Knows no tx: a rollback restores nothing (nodes without a journal to look in). */
  TxArchive NONE = hashes -> CompletableFuture.completedFuture(List.of());
}
