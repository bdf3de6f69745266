package dev.obsidian.config;

import java.time.Duration;

/**
 * How the archiver follows L1 ({@code obsidian.archiver.*}).
 *
 * @param pollInterval time between two looks at L1's head when caught up
 * @param confirmations L1 blocks a block must be under the head before its logs are taken (0 = the head itself)
 * @param maxBlocksPerQuery most L1 blocks one eth_getLogs covers (providers cap the range)
 * @param rememberedBlocks L1 block hashes kept to find a reorg's common ancestor; a deeper reorg stops the archiver
 * @param retryMinBackoff first wait after a failed poll (unreachable L1, inconsistent answers)
 * @param retryMaxBackoff longest wait between retries; the wait doubles from the minimum up to it
 */
public record ArchiverSettings(Duration pollInterval, int confirmations, int maxBlocksPerQuery,
    int rememberedBlocks, Duration retryMinBackoff, Duration retryMaxBackoff) {

  public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(10);
  public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);
  public static final int MAX_CONFIRMATIONS = 1_000;
  public static final int MAX_BLOCKS_PER_QUERY = 100_000;
  public static final int MAX_REMEMBERED_BLOCKS = 100_000;
  public static final Duration MIN_BACKOFF = Duration.ofMillis(10);
  public static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /** The defaults of reference.conf, for tests and tools that build settings by hand. */
  public static final ArchiverSettings DEFAULTS = new ArchiverSettings(Duration.ofMillis(500), 0, 1_000, 1_024,
      Duration.ofMillis(200), Duration.ofSeconds(30));

  public ArchiverSettings {
    Check.inRange("pollInterval", pollInterval, MIN_POLL_INTERVAL, MAX_POLL_INTERVAL);
    Check.inRange("confirmations", confirmations, 0, MAX_CONFIRMATIONS);
    Check.inRange("maxBlocksPerQuery", maxBlocksPerQuery, 1, MAX_BLOCKS_PER_QUERY);
    Check.inRange("rememberedBlocks", rememberedBlocks, 1, MAX_REMEMBERED_BLOCKS);
    Check.inRange("retryMinBackoff", retryMinBackoff, MIN_BACKOFF, MAX_BACKOFF);
    Check.inRange("retryMaxBackoff", retryMaxBackoff, retryMinBackoff, MAX_BACKOFF);
  }

  public ArchiverSettings withConfirmations(int value) {
    return new ArchiverSettings(pollInterval, value, maxBlocksPerQuery, rememberedBlocks, retryMinBackoff,
        retryMaxBackoff);
  }

  public ArchiverSettings withPollInterval(Duration value) {
    return new ArchiverSettings(value, confirmations, maxBlocksPerQuery, rememberedBlocks, retryMinBackoff,
        retryMaxBackoff);
  }

  public ArchiverSettings withMaxBlocksPerQuery(int value) {
    return new ArchiverSettings(pollInterval, confirmations, value, rememberedBlocks, retryMinBackoff,
        retryMaxBackoff);
  }
}
