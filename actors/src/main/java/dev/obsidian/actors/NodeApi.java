package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.merkle.LeafWitness;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The node as clients see it: one method per Aztec 4.1.2 {@code node_*} JSON-RPC method (stdlib
 * interfaces/aztec-node.ts), same names and meaning. Every array argument is capped; a cap exceeded or a bad argument
 * fails the stage with an {@link IllegalArgumentException} naming the argument.
 */
public interface NodeApi {
  /** Most blocks {@link #getBlocks} returns. */
  int MAX_BLOCKS_PER_REQUEST = 100;
  /** Most tags {@link #getPrivateLogsByTags} accepts. */
  int MAX_TAGS_PER_REQUEST = 100;
  /** Most logs returned per tag. */
  int MAX_LOGS_PER_TAG = 100;

  CompletionStage<Long> getBlockNumber();

  CompletionStage<Long> getProvenBlockNumber();

  /** Block {@code number}, empty if not built (yet). Block 0 is genesis, which has no body. */
  CompletionStage<Optional<L2Block>> getBlock(long number);

  /** Up to {@code limit} (at most {@link #MAX_BLOCKS_PER_REQUEST}) consecutive blocks from {@code from}. */
  CompletionStage<List<L2Block>> getBlocks(long from, int limit);

  CompletionStage<TxVerdict> sendTx(Tx tx);

  CompletionStage<TxReceipt> getTxReceipt(TxHash txHash);

  CompletionStage<Optional<IndexedTxEffect>> getTxEffect(TxHash txHash);

  CompletionStage<Integer> getPendingTxCount();

  /** Runs the mempool's admission checks without admitting the tx. */
  CompletionStage<TxVerdict> isValidTx(Tx tx);

  CompletionStage<Optional<MembershipWitness>> getNoteHashMembershipWitness(BlockParameter block, Fr noteHash);

  /**
   * Index and sibling path of an L1->L2 message (its leaf hash) in the message tree at {@code block}; empty if no block
   * up to it inserted the message (Aztec's getL1ToL2MessageMembershipWitness).
   */
  default CompletionStage<Optional<MembershipWitness>> getL1ToL2MessageMembershipWitness(BlockParameter block,
      Fr message) {
    return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
  }

  CompletionStage<Optional<LeafWitness>> getNullifierMembershipWitness(BlockParameter block, Fr nullifier);

  /** The low leaf of {@code nullifier}: proves it absent, or is its own leaf if present. */
  CompletionStage<Optional<LeafWitness>> getLowNullifierMembershipWitness(BlockParameter block, Fr nullifier);

  /** The public data tree's low leaf of {@code leafSlot} (its own leaf when the slot was written). */
  CompletionStage<Optional<LeafWitness>> getPublicDataWitness(BlockParameter block, Fr leafSlot);

  /** The value of {@code contract}'s storage {@code slot}; zero if never written. */
  CompletionStage<Fr> getPublicStorageAt(BlockParameter block, AztecAddress contract, Fr slot);

  /** For each tag (at most {@link #MAX_TAGS_PER_REQUEST}), the mined private logs carrying it, oldest first. */
  CompletionStage<List<List<TaggedPrivateLog>>> getPrivateLogsByTags(List<Fr> tags);

  CompletionStage<WorldStateSyncStatus> getWorldStateSyncStatus();

  CompletionStage<NodeInfo> getNodeInfo();

  /**
   * The L1 contracts this node settles on, by Aztec's names (rollupAddress, inboxAddress, outboxAddress, ...);
   * empty when the node has no L1.
   */
  default CompletionStage<java.util.Map<String, String>> getL1ContractAddresses() {
    return java.util.concurrent.CompletableFuture.completedFuture(java.util.Map.of());
  }

  CompletionStage<Boolean> isReady();

  /** Aztec's {@code node_getL2Tips}: the proposed, checkpointed (published on L1), proven and finalized tips. */
  default CompletionStage<L2Tips> getL2Tips() {
    return java.util.concurrent.CompletableFuture.failedFuture(
        new UnsupportedOperationException("node_getL2Tips is not served by this node"));
  }

  /** The L1 publisher's figures (published height, L1 latency, last error); empty without an L1 publisher. */
  default CompletionStage<Optional<L1Publisher.PublisherStats>> getL1PublisherStats() {
    return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
  }
}
