package dev.obsidian.node.rpc;

import dev.obsidian.actors.NodeApi;
import dev.obsidian.actors.block.L2Block;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chain gauges for {@code /metrics}: latest and proven block, pending txs, and txs mined so far. A scrape
 * must not wait on the node's actors, so the values are refreshed in the background through
 * {@link NodeApi} and the gauges read the last refresh.
 */
final class NodeGauges {

  /** Blocks read per refresh while counting mined txs, so that catching up after a restart stays cheap. */
  private static final int MAX_BLOCKS_PER_REFRESH = NodeApi.MAX_BLOCKS_PER_REQUEST;

  private final NodeApi api;
  private final AtomicLong latestBlock = new AtomicLong(-1);
  private final AtomicLong provenBlock = new AtomicLong(-1);
  private final AtomicLong publishedBlock = new AtomicLong(-1);
  private final AtomicLong pendingTxs = new AtomicLong(-1);
  private final AtomicLong minedTxs = new AtomicLong(0);
  private final AtomicLong countedThroughBlock = new AtomicLong(0);
  private final AtomicBoolean refreshing = new AtomicBoolean(false);

  NodeGauges(NodeApi api, NodeMetrics metrics) {
    this.api = api;
    metrics.gauge("obsidian.blocks.latest", "Number of the latest built block", () -> known(latestBlock));
    metrics.gauge("obsidian.blocks.proven", "Number of the latest proven block", () -> known(provenBlock));
    metrics.gauge("obsidian.blocks.published", "Number of the latest block published on L1 with its confirmations",
        () -> known(publishedBlock));
    metrics.gauge("obsidian.mempool.txs", "Transactions waiting in the mempool", () -> known(pendingTxs));
    metrics.gauge("obsidian.txs.mined", "Transactions in built blocks since genesis", minedTxs::get);
  }

  /** Starts one refresh unless one is still running (a slow node must not pile up refreshes). */
  void refresh() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    api.getBlockNumber()
        .thenAccept(latestBlock::set)
        .thenCompose(ignored -> api.getProvenBlockNumber()).thenAccept(provenBlock::set)
        .thenCompose(ignored -> api.getPendingTxCount()).thenAccept(count -> pendingTxs.set(count))
        .thenCompose(ignored -> api.getL2Tips().handle((tips, failure) -> {
          if (tips != null) { // a node without node_getL2Tips leaves the gauge empty
            publishedBlock.set(tips.checkpointed().number());
          }
          return null;
        }))
        .thenCompose(ignored -> countNewBlocks())
        .whenComplete((ignored, failure) -> refreshing.set(false));
  }

  private java.util.concurrent.CompletionStage<Void> countNewBlocks() {
    long from = countedThroughBlock.get() + 1;
    long missing = latestBlock.get() - countedThroughBlock.get();
    if (missing <= 0) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    return api.getBlocks(from, (int) Math.min(missing, MAX_BLOCKS_PER_REFRESH)).thenAccept(this::count);
  }

  private void count(List<L2Block> blocks) {
    for (L2Block block : blocks) {
      if (block.number() == countedThroughBlock.get() + 1) {
        minedTxs.addAndGet(block.txEffects().size());
        countedThroughBlock.set(block.number());
      }
    }
  }

  private static Long known(AtomicLong value) {
    return value.get() < 0 ? null : value.get();
  }
}
