package dev.obsidian.actors;

import java.util.List;
import dev.obsidian.actors.block.L2Block;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Sends proven blocks to the L1 Rollup contract. A publisher either answers each block with its final outcome
 * ({@link Published}, {@link NotPublished}), or takes the block over ({@link Queued}: journaled, it will be published
 * exactly once, after retries if need be) and reports the published height as it changes through
 * {@link #onPublishedHeight}.
 */
public interface L1Publisher {
  /**
   * Hands {@code block} over for publication.
   *
   * @param proofs the block's accepted proofs in {@link BlockProofs} order (one base rollup proof per tx, then the
   *     block root), or empty when the block is unproven; a publisher whose Rollup {@link #checksProofs() checks
   *     proofs} refuses a block without them
   */
  CompletionStage<Outcome> publish(L2Block block, List<BlockProofs.AcceptedProof> proofs);

  /**
   * Whether the Rollup this publisher proposes to checks each block's proofs in the proposal: then a block is
   * published only with its proofs, and a published block is proven (on L1, not just by this node's verifier).
   */
  default boolean checksProofs() {
    return false;
  }

  /**
   * Sets the one listener told each time the height of blocks published on L1 changes (it goes down when an L1 reorg
   * drops published blocks), and at once with the current height. Called from any thread.
   */
  default void onPublishedHeight(Consumer<PublishedHeight> listener) {}

  /**
   * Sets the one listener told when L1 no longer accepts this node's chain above a block (the Rollup pruned it, or
   * re-proposing it reverts), and again after a restart with the last such notice. Called from any thread.
   */
  default void onChainAbandoned(Consumer<ChainAbandoned> listener) {}

  /** Publication figures, for status and metrics; empty for publishers that keep none. */
  default Optional<PublisherStats> stats() {
    return Optional.empty();
  }

  sealed interface Outcome {}

  record Published(String l1TxHash) implements Outcome {}

  record NotPublished(String reason) implements Outcome {}

  /** The publisher journaled the block and owns its publication from now on. */
  record Queued(long blockNumber) implements Outcome {}

  /**
   * @param blockNumber highest L2 block published on L1 with enough confirmations
   * @param l1TxHash the L1 transaction that proposed it ("" for height 0)
   * @param l1BlockNumber the L1 block holding that transaction
   */
  record PublishedHeight(long blockNumber, String l1TxHash, long l1BlockNumber) {}

  /**
   * @param toBlock the last block L1 still holds (or will hold once the next proposal prunes)
   * @param firstDroppedArchive the archive root of this node's block {@code toBlock + 1}, the first one L1 refuses
   */
  record ChainAbandoned(long toBlock, dev.obsidian.crypto.field.Fr firstDroppedArchive, String reason) {}

  /**
   * @param publishedBlockNumber highest block published on L1
   * @param latencySamples blocks whose latency was measured since start
   * @param latencyP50Millis median time from hand-over (block built and proven) to published
   * @param lastError the last failed attempt's error, if the latest attempt failed
   */
  record PublisherStats(long publishedBlockNumber, long latencySamples, long latencyP50Millis,
      long latencyP90Millis, long latencyMaxMillis, Optional<String> lastError) {}
}
