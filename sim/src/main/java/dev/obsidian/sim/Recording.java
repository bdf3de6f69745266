package dev.obsidian.sim;

import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.tx.TxHash;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything a load run measured, raw. Times are on the run's {@link Ticker}; {@code startNanos} is the first
 * submission slot. The histograms are the recorder's own copies; do not change them.
 *
 * @param issued submission slots the pacer handed to users
 * @param skipped slots a user could not use because too many of its submissions were unanswered
 * @param rejections rejected submissions by code, in the code's declaration order
 * @param failures submissions that failed without a verdict (transport or node error)
 * @param inclusionLatencyMicros submission to receipt mined, for every accepted tx seen mined
 * @param acceptLatencyMicros submission to verdict, for every accepted tx
 * @param acceptedPerSecond accepted txs by second since start (of their verdict)
 * @param notIncluded accepted txs not seen mined when the run ended, in hash order (at most {@link #MAX_LISTED})
 * @param notIncludedCount how many accepted txs were not seen mined
 * @param includedSample the first {@link #MAX_LISTED} txs seen mined, with their block
 * @param drainedInTime false when the run stopped waiting at the drain timeout
 */
public record Recording(
    long startNanos,
    long submissionEndNanos,
    long endNanos,
    long issued,
    long skipped,
    long accepted,
    Map<TxVerdict.Code, Long> rejections,
    long failures,
    List<String> failureExamples,
    Histogram inclusionLatencyMicros,
    Histogram acceptLatencyMicros,
    List<BlockObservation> blocks,
    List<MempoolSample> mempool,
    List<Long> acceptedPerSecond,
    List<TxHash> notIncluded,
    long notIncludedCount,
    List<Inclusion> includedSample,
    boolean drainedInTime) {

  /** Most tx hashes a recording lists (the counts are always complete). */
  public static final int MAX_LISTED = 1_000;

  public Recording {
    EnumMap<TxVerdict.Code, Long> ordered = new EnumMap<>(TxVerdict.Code.class);
    ordered.putAll(rejections);
    rejections = Collections.unmodifiableMap(ordered);
    failureExamples = List.copyOf(failureExamples);
    blocks = List.copyOf(blocks);
    mempool = List.copyOf(mempool);
    acceptedPerSecond = List.copyOf(acceptedPerSecond);
    notIncluded = List.copyOf(notIncluded);
    includedSample = List.copyOf(includedSample);
  }

  public long rejected() {
    return rejections.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Accepted txs seen mined: the inclusion histogram's count. */
  public long included() {
    return inclusionLatencyMicros.getTotalCount();
  }

  /** The last moment a tx of this run was seen mined, or the start when none was. */
  public long lastInclusionNanos() {
    return blocks.stream().filter(b -> b.ownTxCount() > 0).mapToLong(BlockObservation::seenNanos).max().orElse(startNanos);
  }
}
