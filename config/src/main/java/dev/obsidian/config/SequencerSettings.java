package dev.obsidian.config;

import java.time.Duration;

/**
 * How the sequencer paces and fills blocks ({@code obsidian.sequencer.*}).
 *
 * @param blockTime time between two block-building attempts
 * @param minTxsPerBlock fewest pending transactions that make a block (unless buildEmptyBlocks)
 * @param maxTxsPerBlock most transactions in one block
 * @param buildEmptyBlocks whether to build a block at every block time even with no pending transaction
 */
public record SequencerSettings(
    Duration blockTime, int minTxsPerBlock, int maxTxsPerBlock, boolean buildEmptyBlocks) {

  public static final Duration MIN_BLOCK_TIME = Duration.ofMillis(100);
  public static final Duration MAX_BLOCK_TIME = Duration.ofHours(1);
  public static final int MAX_TXS_PER_BLOCK = 4_096;

  public SequencerSettings {
    Check.inRange("blockTime", blockTime, MIN_BLOCK_TIME, MAX_BLOCK_TIME);
    Check.inRange("maxTxsPerBlock", maxTxsPerBlock, 1, MAX_TXS_PER_BLOCK);
    Check.inRange("minTxsPerBlock", minTxsPerBlock, 1, maxTxsPerBlock);
  }
}
