package dev.obsidian.sim;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Follows the chain as a wallet does: polls the block number, fetches each new block (in order, at most
 * {@link LoadTarget#MAX_BLOCKS_PER_CALL} at a time) and reports it to the recorder with the time it learnt of it,
 * which is when the block's txs' receipts turned mined; tells every user the new anchor; samples the mempool size.
 * One poll is in flight at a time, so a slow node slows the polling, not piles it up.
 */
final class Watcher extends AbstractBehavior<Watcher.Command> {
  static final Duration BLOCK_POLL = Duration.ofMillis(10);
  static final Duration MEMPOOL_POLL = Duration.ofMillis(250);

  sealed interface Command {}

  private enum PollBlocks implements Command { INSTANCE }

  private enum PollMempool implements Command { INSTANCE }

  private record NumberIs(long number, long seenNanos) implements Command {}

  private record BlocksAre(List<BlockSummary> blocks, long seenNanos) implements Command {}

  private record PendingAre(int pending, long nanos) implements Command {}

  private record BlockPollFailed(String what, Throwable failure) implements Command {}

  private record MempoolPollFailed(Throwable failure) implements Command {}

  private final LoadTarget target;
  private final ActorRef<Recorder.Command> recorder;
  private final List<ActorRef<User.Command>> users;
  private final Ticker ticker;
  private long lastSeen;
  private boolean blockPollInFlight;
  private boolean mempoolPollInFlight;

  /** @param lastSeen the chain's height when the run started: blocks up to it are not the run's */
  static Behavior<Command> create(LoadTarget target, ActorRef<Recorder.Command> recorder,
      List<ActorRef<User.Command>> users, Ticker ticker, long lastSeen) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new Watcher(context, timers, target, recorder, users, ticker, lastSeen)));
  }

  private Watcher(ActorContext<Command> context, TimerScheduler<Command> timers, LoadTarget target,
      ActorRef<Recorder.Command> recorder, List<ActorRef<User.Command>> users, Ticker ticker, long lastSeen) {
    super(context);
    this.target = target;
    this.recorder = recorder;
    this.users = users;
    this.ticker = ticker;
    this.lastSeen = lastSeen;
    timers.startTimerWithFixedDelay(PollBlocks.INSTANCE, BLOCK_POLL);
    timers.startTimerWithFixedDelay(PollMempool.INSTANCE, Duration.ZERO, MEMPOOL_POLL);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PollBlocks.class, p -> pollBlocks())
        .onMessage(NumberIs.class, this::onNumber)
        .onMessage(BlocksAre.class, this::onBlocks)
        .onMessage(PollMempool.class, p -> pollMempool())
        .onMessage(PendingAre.class, this::onPending)
        .onMessage(BlockPollFailed.class, failed -> {
          blockPollInFlight = false;
          return warn(failed.what(), failed.failure());
        })
        .onMessage(MempoolPollFailed.class, failed -> {
          mempoolPollInFlight = false;
          return warn("pending tx count", failed.failure());
        })
        .build();
  }

  private Behavior<Command> pollBlocks() {
    if (!blockPollInFlight) {
      blockPollInFlight = true;
      getContext().pipeToSelf(target.blockNumber(), (number, failure) -> number != null
          ? new NumberIs(number, ticker.nanos()) : new BlockPollFailed("block number", failure));
    }
    return this;
  }

  private Behavior<Command> onNumber(NumberIs latest) {
    if (latest.number() <= lastSeen) {
      blockPollInFlight = false;
      return this;
    }
    int count = (int) Math.min(LoadTarget.MAX_BLOCKS_PER_CALL, latest.number() - lastSeen);
    getContext().pipeToSelf(target.blocks(lastSeen + 1, count), (blocks, failure) -> blocks != null
        ? new BlocksAre(blocks, latest.seenNanos()) : new BlockPollFailed("blocks from " + (lastSeen + 1), failure));
    return this;
  }

  private Behavior<Command> onBlocks(BlocksAre fetched) {
    blockPollInFlight = false;
    for (BlockSummary block : fetched.blocks()) {
      if (block.number() != lastSeen + 1) {
        throw new IllegalStateException("expected block " + (lastSeen + 1) + " from the node, got " + block.number());
      }
      recorder.tell(new Recorder.BlockSeen(block, fetched.seenNanos()));
      lastSeen = block.number();
    }
    if (!fetched.blocks().isEmpty()) {
      BlockSummary latest = fetched.blocks().get(fetched.blocks().size() - 1);
      User.NewAnchor anchor = new User.NewAnchor(latest.number(), latest.hash());
      users.forEach(user -> user.tell(anchor));
    }
    return this;
  }

  private Behavior<Command> pollMempool() {
    if (!mempoolPollInFlight) {
      mempoolPollInFlight = true;
      getContext().pipeToSelf(target.pendingTxCount(), (pending, failure) -> pending != null
          ? new PendingAre(pending, ticker.nanos()) : new MempoolPollFailed(failure));
    }
    return this;
  }

  private Behavior<Command> onPending(PendingAre pending) {
    mempoolPollInFlight = false;
    recorder.tell(new Recorder.MempoolSampled(pending.nanos(), pending.pending()));
    return this;
  }

  /** The node did not answer: poll again next period; the recorder's drain timeout bounds a node that never does. */
  private Behavior<Command> warn(String what, Throwable failure) {
    getContext().getLog().warn("polling the {} failed: {}", what, String.valueOf(failure));
    return this;
  }
}
