package dev.obsidian.sim;

import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.tx.TxHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The run's only bookkeeper: verdicts from the users, mined blocks and mempool sizes from the watcher, the end of
 * submission from the pacer. It pairs each accepted tx with the block it was seen mined in (in either order: a block
 * can be seen before the verdict reaches it) and completes the run once every submission has its verdict and every
 * accepted tx is mined, or when the drain timeout expires.
 */
final class Recorder extends AbstractBehavior<Recorder.Command> {
  /** Longest latency recorded; longer ones are clamped (a run is at most an hour plus the drain). */
  static final long MAX_LATENCY_MICROS = Duration.ofHours(2).toNanos() / 1000;
  /** Txs seen mined before their verdict arrived, kept at most this many (the oldest forgotten first). */
  static final int MAX_EARLY_INCLUSIONS = 100_000;
  static final int MAX_FAILURE_EXAMPLES = 5;

  sealed interface Command {}

  /** A submission's answer: {@code verdict} or, when the call failed, {@code failure}. */
  record Outcome(long submitNanos, long replyNanos, TxVerdict verdict, String failure) implements Command {}

  /** A submission slot a saturated user could not use. */
  enum Skipped implements Command { INSTANCE }

  record BlockSeen(BlockSummary block, long seenNanos) implements Command {}

  record MempoolSampled(long nanos, int pendingTxs) implements Command {}

  record SubmissionEnded(long issued, long endNanos) implements Command {}

  enum DrainExpired implements Command { INSTANCE }

  private final Ticker ticker;
  private final long startNanos;
  private final Duration drainTimeout;
  private final TimerScheduler<Command> timers;
  private final CompletableFuture<Recording> result;

  private final Histogram inclusion = new Histogram(MAX_LATENCY_MICROS, 3);
  private final Histogram acceptance = new Histogram(MAX_LATENCY_MICROS, 3);
  private final Map<TxHash, Long> awaitingInclusion = new HashMap<>();
  private final LinkedHashMap<TxHash, Long> earlyInclusions = new LinkedHashMap<>();
  private final Map<TxHash, Long> blockOfEarlyInclusion = new HashMap<>();
  private final EnumMap<TxVerdict.Code, Long> rejections = new EnumMap<>(TxVerdict.Code.class);
  private final List<String> failureExamples = new ArrayList<>();
  private final List<BlockObservation> blocks = new ArrayList<>();
  private final List<MempoolSample> mempool = new ArrayList<>();
  private final List<Long> acceptedPerSecond = new ArrayList<>();
  private final List<Inclusion> includedSample = new ArrayList<>();
  private long answered;
  private long skipped;
  private long accepted;
  private long failures;
  private long issued = -1;
  private long submissionEndNanos;

  static Behavior<Command> create(Ticker ticker, long startNanos, Duration drainTimeout, CompletableFuture<Recording> result) {
    return Behaviors.setup(context -> Behaviors.withTimers(
        timers -> new Recorder(context, ticker, startNanos, drainTimeout, timers, result)));
  }

  private Recorder(ActorContext<Command> context, Ticker ticker, long startNanos, Duration drainTimeout,
      TimerScheduler<Command> timers, CompletableFuture<Recording> result) {
    super(context);
    this.ticker = ticker;
    this.startNanos = startNanos;
    this.drainTimeout = drainTimeout;
    this.timers = timers;
    this.result = result;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Outcome.class, this::onOutcome)
        .onMessage(Skipped.class, s -> {
          skipped++;
          return maybeFinish();
        })
        .onMessage(BlockSeen.class, this::onBlock)
        .onMessage(MempoolSampled.class, s -> {
          mempool.add(new MempoolSample(s.nanos(), s.pendingTxs()));
          return this;
        })
        .onMessage(SubmissionEnded.class, this::onSubmissionEnded)
        .onMessage(DrainExpired.class, d -> finish(false))
        .build();
  }

  private Behavior<Command> onOutcome(Outcome outcome) {
    answered++;
    switch (outcome.verdict()) {
      case TxVerdict.Accepted a -> onAccepted(a.txHash(), outcome);
      case TxVerdict.Rejected r -> rejections.merge(r.code(), 1L, Long::sum);
      case null -> {
        failures++;
        if (failureExamples.size() < MAX_FAILURE_EXAMPLES) {
          failureExamples.add(outcome.failure());
        }
      }
    }
    return maybeFinish();
  }

  private void onAccepted(TxHash hash, Outcome outcome) {
    accepted++;
    acceptance.recordValue(micros(outcome.replyNanos() - outcome.submitNanos()));
    countAcceptedAt(outcome.replyNanos());
    Long seenNanos = earlyInclusions.remove(hash);
    if (seenNanos != null) {
      recordInclusion(hash, blockOfEarlyInclusion.remove(hash), outcome.submitNanos(), seenNanos);
    } else {
      awaitingInclusion.put(hash, outcome.submitNanos());
    }
  }

  private void countAcceptedAt(long nanos) {
    int second = (int) Math.max(0, (nanos - startNanos) / 1_000_000_000L);
    while (acceptedPerSecond.size() <= second) {
      acceptedPerSecond.add(0L);
    }
    acceptedPerSecond.set(second, acceptedPerSecond.get(second) + 1);
  }

  private Behavior<Command> onBlock(BlockSeen seen) {
    int own = 0;
    for (TxHash hash : seen.block().txHashes()) {
      Long submitNanos = awaitingInclusion.remove(hash);
      if (submitNanos != null) {
        recordInclusion(hash, seen.block().number(), submitNanos, seen.seenNanos());
        own++;
      } else {
        rememberEarly(hash, seen.block().number(), seen.seenNanos());
      }
    }
    blocks.add(new BlockObservation(seen.block().number(), seen.seenNanos(), seen.block().txHashes().size(), own));
    return maybeFinish();
  }

  /** A tx not (yet) known as accepted: its verdict may still be on the way, or it is someone else's. */
  private void rememberEarly(TxHash hash, long blockNumber, long seenNanos) {
    earlyInclusions.put(hash, seenNanos);
    blockOfEarlyInclusion.put(hash, blockNumber);
    if (earlyInclusions.size() > MAX_EARLY_INCLUSIONS) {
      TxHash oldest = earlyInclusions.keySet().iterator().next();
      earlyInclusions.remove(oldest);
      blockOfEarlyInclusion.remove(oldest);
    }
  }

  private void recordInclusion(TxHash hash, long blockNumber, long submitNanos, long seenNanos) {
    inclusion.recordValue(micros(seenNanos - submitNanos));
    if (includedSample.size() < Recording.MAX_LISTED) {
      includedSample.add(new Inclusion(hash, blockNumber));
    }
  }

  private Behavior<Command> onSubmissionEnded(SubmissionEnded ended) {
    issued = ended.issued();
    submissionEndNanos = ended.endNanos();
    timers.startSingleTimer(DrainExpired.INSTANCE, drainTimeout);
    return maybeFinish();
  }

  private Behavior<Command> maybeFinish() {
    boolean allAnswered = issued >= 0 && answered + skipped == issued;
    return allAnswered && awaitingInclusion.isEmpty() ? finish(true) : this;
  }

  private Behavior<Command> finish(boolean drainedInTime) {
    List<TxHash> notIncluded = awaitingInclusion.keySet().stream().sorted().limit(Recording.MAX_LISTED).toList();
    result.complete(new Recording(startNanos, submissionEndNanos, ticker.nanos(), Math.max(issued, 0), skipped, accepted,
        rejections, failures, failureExamples, inclusion.copy(), acceptance.copy(), blocks, mempool, acceptedPerSecond,
        notIncluded, awaitingInclusion.size(), includedSample, drainedInTime));
    return Behaviors.stopped();
  }

  private static long micros(long nanos) {
    return Math.min(MAX_LATENCY_MICROS, Math.max(0, nanos / 1000));
  }
}
