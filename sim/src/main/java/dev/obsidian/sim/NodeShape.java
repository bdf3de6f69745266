package dev.obsidian.sim;

import dev.obsidian.config.SequencerSettings;
import java.time.Duration;

/**
 * How the in-process node is set up for a load: a block time that keeps a block's worth of txs at the rate within
 * {@link #TARGET_TXS_PER_BLOCK} (at most a second: latency is measured in block times), room in a block for
 * {@link #HEADROOM} times the rate so a late block catches up, and a mempool holding a few blocks' worth.
 *
 * @param blockTime the sequencer's block time
 * @param maxTxsPerBlock the sequencer's block size limit
 * @param mempoolMaxTxs the mempool's limit
 */
public record NodeShape(Duration blockTime, int maxTxsPerBlock, int mempoolMaxTxs) {
  static final int TARGET_TXS_PER_BLOCK = 2_048;
  static final int HEADROOM = 2;
  static final int MEMPOOL_BLOCKS = 4;
  static final int MIN_MEMPOOL_TXS = 1_000;
  /**
   * Most pending txs: the mempool snapshots its whole pending set, which must stay under Kryo's 8 MiB payload limit
   * (obsidian.serialization.max-payload-bytes) at roughly 0.5 KiB per random tx.
   */
  static final int MAX_MEMPOOL_TXS = 8_000;
  static final Duration MAX_BLOCK_TIME = Duration.ofSeconds(1);

  public NodeShape {
    if (blockTime.compareTo(SequencerSettings.MIN_BLOCK_TIME) < 0 || blockTime.compareTo(SequencerSettings.MAX_BLOCK_TIME) > 0) {
      throw new IllegalArgumentException("blockTime must be in [" + SequencerSettings.MIN_BLOCK_TIME.toMillis() + " ms, "
          + SequencerSettings.MAX_BLOCK_TIME.toMillis() + " ms], got " + blockTime.toMillis() + " ms");
    }
  }

  /** The shape for {@code txsPerSecond}, with the block time chosen for it. */
  public static NodeShape forRate(int txsPerSecond) {
    long millis = Math.min(MAX_BLOCK_TIME.toMillis(), 1000L * TARGET_TXS_PER_BLOCK / txsPerSecond);
    return forRate(txsPerSecond, Duration.ofMillis(Math.max(SequencerSettings.MIN_BLOCK_TIME.toMillis(), millis)));
  }

  /** The shape for {@code txsPerSecond} at a given block time. */
  public static NodeShape forRate(int txsPerSecond, Duration blockTime) {
    long perBlock = Math.max(1, (long) Math.ceil(txsPerSecond * blockTime.toMillis() / 1000.0));
    int maxTxs = (int) Math.min(SequencerSettings.MAX_TXS_PER_BLOCK, Math.max(32, HEADROOM * perBlock));
    int mempool = (int) Math.min(MAX_MEMPOOL_TXS, Math.max(MIN_MEMPOOL_TXS, MEMPOOL_BLOCKS * perBlock));
    return new NodeShape(blockTime, maxTxs, mempool);
  }
}
