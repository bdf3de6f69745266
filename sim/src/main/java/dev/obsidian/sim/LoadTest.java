package dev.obsidian.sim;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.NodeInfo;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs a {@link LoadPlan} against a {@link LoadTarget}: reads the chain's tip, starts an actor system of its own with
 * the recorder, the users, the block watcher and the pacer, waits for the recorder's verdict (everything mined, or
 * the drain timeout), then audits receipts. Blocks the calling thread for about the plan's duration plus the drain.
 */
public final class LoadTest {
  /** Longest wait for a single setup call (node info, chain tip). */
  static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);
  /** Slack over duration + drain before the run is declared stuck. */
  static final Duration STUCK_AFTER = Duration.ofSeconds(60);

  private LoadTest() {}

  /** @param blockTime the node's block time when known, for the report */
  public static LoadResult run(LoadPlan plan, LoadTarget target, Optional<Duration> blockTime) {
    return run(plan, target, blockTime, Ticker.system());
  }

  static LoadResult run(LoadPlan plan, LoadTarget target, Optional<Duration> blockTime, Ticker ticker) {
    NodeInfo info = await(target.nodeInfo(), "node info");
    User.NewAnchor tip = chainTip(target);
    Recording recording;
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      recording = record(plan, target, ticker, info, tip, genesis);
    }
    ReceiptAuditor auditor = new ReceiptAuditor(target);
    return new LoadResult(plan, target.description(), blockTime, recording,
        auditor.included(recording.includedSample()), auditor.notIncluded(recording.notIncluded()));
  }

  /** The latest block: the first anchor, and the height below which blocks are not the run's. */
  private static User.NewAnchor chainTip(LoadTarget target) {
    long height = await(target.blockNumber(), "block number");
    if (height == 0) {
      return new User.NewAnchor(0, Constants.GENESIS_BLOCK_HEADER_HASH);
    }
    List<BlockSummary> latest = await(target.blocks(height, 1), "block " + height);
    if (latest.isEmpty()) {
      throw new IllegalStateException("the node reports block " + height + " as its latest but does not return it");
    }
    return new User.NewAnchor(height, latest.get(0).hash());
  }

  private static Recording record(LoadPlan plan, LoadTarget target, Ticker ticker, NodeInfo info, User.NewAnchor tip,
      WorldStateFork genesis) {
    CompletableFuture<Recording> result = new CompletableFuture<>();
    Set<Fr> claimed = ConcurrentHashMap.newKeySet();
    Behavior<Void> guardian = Behaviors.setup(context -> {
      long startNanos = ticker.nanos();
      ActorRef<Recorder.Command> recorder =
          context.spawn(Recorder.create(ticker, startNanos, plan.drainTimeout(), result), "recorder");
      List<ActorRef<User.Command>> users = spawnUsers(context, plan, target, info, tip, genesis, claimed, recorder, ticker);
      context.spawn(Watcher.create(target, recorder, users, ticker, tip.blockNumber()), "watcher");
      context.spawn(Pacer.create(plan, users, recorder, ticker, startNanos), "pacer");
      return Behaviors.empty();
    });
    ActorSystem<Void> system = ActorSystem.create(guardian, "loadtest", systemConfig());
    try {
      Duration limit = plan.duration().plus(plan.drainTimeout()).plus(STUCK_AFTER);
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the load run did not finish within " + plan.duration().plus(plan.drainTimeout())
          + " plus " + STUCK_AFTER.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the load ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the load run failed: " + e.getCause(), e.getCause());
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }

  private static List<ActorRef<User.Command>> spawnUsers(ActorContext<Void> context, LoadPlan plan, LoadTarget target,
      NodeInfo info, User.NewAnchor tip, WorldStateFork genesis, Set<Fr> claimed, ActorRef<Recorder.Command> recorder,
      Ticker ticker) {
    List<ActorRef<User.Command>> users = new ArrayList<>(plan.users());
    for (int i = 0; i < plan.users(); i++) {
      UserTxs txs = new UserTxs(UserTxs.streamOf(plan.seed(), i, info.l1ChainId(), info.rollupVersion()), genesis, claimed);
      users.add(context.spawn(User.create(target, txs, recorder, ticker, tip), "user-" + i));
    }
    return users;
  }

  /**
   * The run's own actor system, apart from the node's so their dispatchers do not share threads; two threads, as
   * the machine the goals are set for has two cores; quiet about dead letters at shutdown.
   */
  private static Config systemConfig() {
    return ConfigFactory.parseString("""
        pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = 2
        pekko.log-dead-letters = 0
        pekko.log-dead-letters-during-shutdown = off
        """).withFallback(ConfigFactory.load());
  }

  private static <T> T await(CompletionStage<T> stage, String what) {
    try {
      return stage.toCompletableFuture().get(SETUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the node for its " + what, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("the node did not answer with its " + what + ": " + cause, cause);
    }
  }
}
