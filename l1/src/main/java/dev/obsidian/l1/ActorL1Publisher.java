package dev.obsidian.l1;

import java.util.List;
import dev.obsidian.actors.BlockProofs;
import dev.obsidian.actors.L1Publisher;
import dev.obsidian.actors.block.L2Block;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The node's {@link L1Publisher} port backed by the {@link L1PublisherActor}: {@link #publish} answers
 * {@link L1Publisher.Queued} once the actor has journaled the request, and the published height reaches the node through
 * {@link #onPublishedHeight}.
 *
 * <p>It also measures each block's L1 latency: from hand-over ({@link #publish}, right after the block is built and
 * proven) to the moment the actor reports it published with its confirmations. Wall-clock figures for status only,
 * never journaled.
 */
public final class ActorL1Publisher implements L1Publisher {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);
  /** Latencies kept for percentiles (the most recent ones). */
  static final int LATENCY_WINDOW = 4096;

  private final ActorRef<L1PublisherActor.Command> actor;
  private final ActorSystem<?> system;
  private final boolean checksProofs;
  private volatile Consumer<PublishedHeight> listener = height -> {};
  private volatile PublishedHeight height = new PublishedHeight(0, "", 0);
  private volatile Optional<String> lastError = Optional.empty();
  private volatile Consumer<ChainAbandoned> abandonedListener = notice -> {};
  /** The last notice, for a listener set after the actor told it (the actor starts before the sequencer). */
  private volatile Optional<ChainAbandoned> lastAbandoned = Optional.empty();
  private final Map<Long, Long> handedOverNanos = new ConcurrentHashMap<>();
  private final long[] latencies = new long[LATENCY_WINDOW];
  private long latencyCount;

  private ActorL1Publisher(ActorSystem<?> system, boolean checksProofs,
      java.util.function.Function<L1PublisherActor.Listener, ActorRef<L1PublisherActor.Command>> spawn) {
    this.system = system;
    this.checksProofs = checksProofs;
    this.actor = spawn.apply(new L1PublisherActor.Listener() {
      @Override
      public void publishedHeight(long blockNumber, String l1TxHash, long l1BlockNumber) {
        reached(new PublishedHeight(blockNumber, l1TxHash, l1BlockNumber));
      }

      @Override
      public void attemptFailed(String error) {
        lastError = Optional.of(error);
      }

      @Override
      public void chainAbandoned(long toBlock, dev.obsidian.crypto.field.Fr firstDroppedArchive, String reason) {
        ChainAbandoned notice = new ChainAbandoned(toBlock, firstDroppedArchive, reason);
        lastAbandoned = Optional.of(notice);
        abandonedListener.accept(notice);
      }
    });
  }

  /**
   * Spawns the publisher actor in {@code system} (one per node: it has a fixed persistence id), for a Rollup that
   * does not check proofs.
   */
  public static ActorL1Publisher spawn(ActorSystem<?> system, L1PublisherActor.Settings settings,
      RollupClient rollup, LongFunction<Optional<L2Block>> blocks) {
    return spawn(system, settings, rollup, blocks, Optional.empty());
  }

  /**
   * Spawns the publisher actor in {@code system} (one per node: it has a fixed persistence id).
   *
   * @param proving present exactly when the Rollup checks proofs: then {@link #checksProofs()} and every block is
   *     published with its proofs (see {@link L1PublisherActor.Proving})
   */
  public static ActorL1Publisher spawn(ActorSystem<?> system, L1PublisherActor.Settings settings,
      RollupClient rollup, LongFunction<Optional<L2Block>> blocks, Optional<L1PublisherActor.Proving> proving) {
    return new ActorL1Publisher(system, proving.isPresent(), listener -> system.systemActorOf(
        L1PublisherActor.create(settings, rollup, blocks, proving, listener), "l1-publisher",
        org.apache.pekko.actor.typed.Props.empty()));
  }

  /** The port over an actor {@code spawn} starts with the listener it is given (tests spawn it as they need). */
  static ActorL1Publisher of(ActorSystem<?> system, boolean checksProofs,
      java.util.function.Function<L1PublisherActor.Listener, ActorRef<L1PublisherActor.Command>> spawn) {
    return new ActorL1Publisher(system, checksProofs, spawn);
  }

  public ActorRef<L1PublisherActor.Command> actor() {
    return actor;
  }

  @Override
  public CompletionStage<Outcome> publish(L2Block block,
      List<BlockProofs.AcceptedProof> proofs) {
    handedOverNanos.putIfAbsent(block.number(), System.nanoTime());
    return AskPattern.<L1PublisherActor.Command, L1PublisherActor.Reply>ask(actor,
            replyTo -> new L1PublisherActor.Publish(block, proofs, replyTo), ASK_TIMEOUT, system.scheduler())
        .thenApply(reply -> switch (reply) {
          case L1PublisherActor.Accepted accepted -> (Outcome) new Queued(accepted.blockNumber());
          case L1PublisherActor.Refused refused -> {
            handedOverNanos.remove(block.number());
            yield new NotPublished(refused.reason());
          }
        });
  }

  /** Whether the Rollup checks proofs: then a block is published only with its proofs, and published = proven. */
  @Override
  public boolean checksProofs() {
    return checksProofs;
  }

  @Override
  public void onPublishedHeight(Consumer<PublishedHeight> listener) {
    this.listener = listener;
    listener.accept(height);
  }

  @Override
  public void onChainAbandoned(Consumer<ChainAbandoned> listener) {
    this.abandonedListener = listener;
    lastAbandoned.ifPresent(listener);
  }

  public CompletionStage<L1PublisherActor.Status> status() {
    return AskPattern.ask(actor, L1PublisherActor.GetStatus::new, ASK_TIMEOUT, system.scheduler());
  }

  public PublishedHeight publishedHeight() {
    return height;
  }

  @Override
  public Optional<PublisherStats> stats() {
    long[] window;
    long count;
    synchronized (latencies) {
      count = latencyCount;
      window = Arrays.copyOf(latencies, (int) Math.min(count, LATENCY_WINDOW));
    }
    Arrays.sort(window);
    return Optional.of(new PublisherStats(height.blockNumber(), count, percentile(window, 50),
        percentile(window, 90), window.length == 0 ? 0 : window[window.length - 1], lastError));
  }

  private void reached(PublishedHeight next) {
    height = next;
    lastError = Optional.empty();
    long now = System.nanoTime();
    handedOverNanos.entrySet().removeIf(entry -> {
      if (entry.getKey() > next.blockNumber()) {
        return false;
      }
      synchronized (latencies) {
        latencies[(int) (latencyCount++ % LATENCY_WINDOW)] = (now - entry.getValue()) / 1_000_000;
      }
      return true;
    });
    listener.accept(next);
  }

  private static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
