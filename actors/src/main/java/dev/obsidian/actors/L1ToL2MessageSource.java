package dev.obsidian.actors;

import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the sequencer gets the L1->L2 messages of the block it builds: the leaves of the Inbox tree of that block
 * number, once L1 closed that tree and the archiver saw it with its confirmations.
 */
@FunctionalInterface
public interface L1ToL2MessageSource {
  /** No L1: every block's message subtree is empty. */
  L1ToL2MessageSource NONE = blockNumber -> CompletableFuture.completedFuture(Optional.of(List.of()));

  /**
   * The messages of block {@code blockNumber} in leaf order, or empty while they are not final yet (the block cannot
   * be built now; ask again later).
   */
  CompletionStage<Optional<List<Fr>>> messagesFor(long blockNumber);
}
