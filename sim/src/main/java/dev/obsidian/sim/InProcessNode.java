package dev.obsidian.sim;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.NodeApi;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A whole node in this JVM for a load run: {@link NodeGuardian} on the embedded journal (on disk) in the given data
 * directory, or in a fresh temporary one deleted on close, shaped by a {@link NodeShape}. Proofs are off by nature:
 * the node's prover workers only re-check public inputs.
 */
public final class InProcessNode implements AutoCloseable {
  private final ActorNode node;
  private final NodeShape shape;
  private final Path dataDir;
  private final boolean temporary;

  private InProcessNode(ActorNode node, NodeShape shape, Path dataDir, boolean temporary) {
    this.node = node;
    this.shape = shape;
    this.dataDir = dataDir;
    this.temporary = temporary;
  }

  /** @param dataDir where the node keeps its journal and trees; empty: a temporary directory */
  public static InProcessNode start(NodeShape shape, Optional<Path> dataDir) {
    Path dir = dataDir.orElseGet(() -> TemporaryDataDir.create("obsidian-loadtest-"));
    try {
      ActorNode node = NodeGuardian.start(settings(shape, dir), NodeClock.system());
      return new InProcessNode(node, shape, dir, dataDir.isEmpty());
    } catch (RuntimeException e) {
      if (dataDir.isEmpty()) {
        TemporaryDataDir.delete(dir);
      }
      throw e;
    }
  }

  /**
   * The node's settings: defaults, with the shape's sequencer and mempool limits. The process environment is not
   * consulted: the load test's node is defined by the load alone (an OBSIDIAN_BLOCK_TIME_MS set for a sandbox must
   * not change a measurement).
   */
  static ObsidianSettings settings(NodeShape shape, Path dataDir) {
    return SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", shape.blockTime().toMillis(),
        "obsidian.sequencer.max-txs-per-block", shape.maxTxsPerBlock(),
        "obsidian.limits.mempool-max-txs", shape.mempoolMaxTxs())), Map.of());
  }

  public LoadTarget target() {
    return new NodeApiTarget(node, "in-process node (data dir " + dataDir + ", block time " + shape.blockTime().toMillis()
        + " ms, at most " + shape.maxTxsPerBlock() + " txs per block, mempool " + shape.mempoolMaxTxs() + " txs)");
  }

  /** The node itself, for direct checks beside the load. */
  public NodeApi api() {
    return node;
  }

  public NodeShape shape() {
    return shape;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      if (temporary) {
        TemporaryDataDir.delete(dataDir);
      }
    }
  }
}
