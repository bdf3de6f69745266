package dev.obsidian.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A finished load run: the plan, where it went, what was measured and what the receipts said afterwards, with the
 * figures the summary and the report print.
 *
 * @param blockTime the node's configured block time when known (in-process), for expressing latency in block times
 */
public record LoadResult(
    LoadPlan plan,
    String target,
    Optional<Duration> blockTime,
    Recording recording,
    ReceiptAudit includedAudit,
    ReceiptAudit notIncludedAudit) {

  /** Submission slots actually used: issued minus skipped. */
  public long sent() {
    return recording.issued() - recording.skipped();
  }

  public double submissionSeconds() {
    return seconds(recording.submissionEndNanos() - recording.startNanos());
  }

  /** Submissions per second over the submission window: the rate the node was really offered. */
  public double offeredPerSecond() {
    return perSecond(sent(), submissionSeconds());
  }

  /** The run's txs mined per second, from the first submission to the last of them seen mined. */
  public double includedPerSecond() {
    return perSecond(recording.included(), seconds(recording.lastInclusionNanos() - recording.startNanos()));
  }

  /**
   * The run's txs mined per second while submission went on: what the node sustained under the load (less than the
   * offered rate by about one block's worth of txs still in flight at the end of the window).
   */
  public double sustainedPerSecond() {
    long minedInWindow = recording.blocks().stream().filter(b -> b.seenNanos() <= recording.submissionEndNanos())
        .mapToLong(BlockObservation::ownTxCount).sum();
    return perSecond(minedInWindow, submissionSeconds());
  }

  /** Mean time between the blocks the run saw (after the first), empty with fewer than two blocks. */
  public Optional<Duration> meanBlockInterval() {
    List<BlockObservation> blocks = recording.blocks();
    if (blocks.size() < 2) {
      return Optional.empty();
    }
    long span = blocks.get(blocks.size() - 1).seenNanos() - blocks.get(0).seenNanos();
    return Optional.of(Duration.ofNanos(span / (blocks.size() - 1)));
  }

  /** Inclusion latency at {@code percentile} (0-100), in milliseconds. */
  public double inclusionMillis(double percentile) {
    return recording.included() == 0 ? 0 : recording.inclusionLatencyMicros().getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxInclusionMillis() {
    return recording.inclusionLatencyMicros().getMaxValue() / 1000.0;
  }

  /** The p99 inclusion latency over the configured block time, else over the mean block interval seen. */
  public Optional<Double> p99InBlockTimes() {
    return blockTime.or(this::meanBlockInterval).filter(t -> !t.isZero())
        .map(t -> inclusionMillis(99) / (t.toNanos() / 1e6));
  }

  public int maxMempoolSize() {
    return recording.mempool().stream().mapToInt(MempoolSample::pendingTxs).max().orElse(0);
  }

  public double meanMempoolSize() {
    return recording.mempool().stream().mapToInt(MempoolSample::pendingTxs).average().orElse(0);
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double perSecond(long count, double seconds) {
    return seconds <= 0 ? 0 : count / seconds;
  }
}
