package dev.obsidian.sim;

import dev.obsidian.actors.NodeInfo;
import dev.obsidian.actors.TxReceipt;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The node a load run talks to: the few {@code node_*} calls a wallet makes to submit txs and follow them. Two
 * implementations: {@link NodeApiTarget} (a node in this JVM) and the JSON-RPC client of the node module. Every call
 * is asynchronous and may be made from any thread; a failed stage is a transport or node failure, never a rejection
 * (that is a {@link TxVerdict.Rejected}).
 */
public interface LoadTarget {
  /** Most blocks one {@link #blocks} call returns (as {@code node_getBlocks}). */
  int MAX_BLOCKS_PER_CALL = 100;

  /** Chain id and rollup version the txs must carry. */
  CompletionStage<NodeInfo> nodeInfo();

  CompletionStage<TxVerdict> sendTx(Tx tx);

  CompletionStage<TxReceipt> txReceipt(TxHash txHash);

  CompletionStage<Long> blockNumber();

  /** Up to {@code limit} (at most {@link #MAX_BLOCKS_PER_CALL}) consecutive mined blocks from {@code from} (at least 1). */
  CompletionStage<List<BlockSummary>> blocks(long from, int limit);

  CompletionStage<Integer> pendingTxCount();

  /** For the report: where the load went, e.g. {@code in-process node} or the URL. */
  String description();
}
