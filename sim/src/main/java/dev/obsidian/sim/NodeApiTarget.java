package dev.obsidian.sim;

import dev.obsidian.actors.NodeApi;
import dev.obsidian.actors.NodeInfo;
import dev.obsidian.actors.TxReceipt;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** A {@link LoadTarget} over a {@link NodeApi} in this JVM (no serialization, no network). */
public final class NodeApiTarget implements LoadTarget {
  private final NodeApi node;
  private final String description;

  public NodeApiTarget(NodeApi node, String description) {
    this.node = Objects.requireNonNull(node, "node");
    this.description = Objects.requireNonNull(description, "description");
  }

  @Override
  public CompletionStage<NodeInfo> nodeInfo() {
    return node.getNodeInfo();
  }

  @Override
  public CompletionStage<TxVerdict> sendTx(Tx tx) {
    return node.sendTx(tx);
  }

  @Override
  public CompletionStage<TxReceipt> txReceipt(TxHash txHash) {
    return node.getTxReceipt(txHash);
  }

  @Override
  public CompletionStage<Long> blockNumber() {
    return node.getBlockNumber();
  }

  @Override
  public CompletionStage<List<BlockSummary>> blocks(long from, int limit) {
    return node.getBlocks(from, Math.min(limit, MAX_BLOCKS_PER_CALL))
        .thenApply(blocks -> blocks.stream().map(NodeApiTarget::summary).toList());
  }

  private static BlockSummary summary(L2Block block) {
    return new BlockSummary(block.number(), block.hash(), block.txHashes());
  }

  @Override
  public CompletionStage<Integer> pendingTxCount() {
    return node.getPendingTxCount();
  }

  @Override
  public String description() {
    return description;
  }
}
