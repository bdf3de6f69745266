package dev.obsidian.l1;

import dev.obsidian.config.ArchiverSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.persistence.ObsidianSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The archiver: follows L1 from the deployment block, journaling the Rollup's {@code L2BlockProposed} and the Inbox's
 * {@code MessageSent} logs with an L1 cursor (number, hash). Each poll ({@link ArchiverPoll}, off the actor) first
 * checks that the cursor's block is still the parent of the next one; if not, the newest remembered block still on
 * L1 is the common ancestor and {@link L1Reorged} drops everything after it. Subscribers are told of every advance
 * and every reorg and ask for what they need ({@link GetProposals}, {@link GetMessages}).
 *
 * <p>Failures are {@link ArchiverException}s with a named error: retryable ones (unreachable L1, a malformed log, an
 * inconsistent answer) are retried with doubling backoff and journal nothing; a wrong chain id or a reorg deeper than
 * the remembered hashes halt the archiver (status shows the error).
 *
 * <p>The state is mutated in place by the event handler (one map insert per log instead of copying maps per event),
 * as the mempool does; {@link #emptyState()} returns a fresh instance, and iteration is over sorted maps only.
 */
public final class L1Archiver
    extends EventSourcedBehaviorWithEnforcedReplies<L1Archiver.Command, L1Archiver.Event, L1Archiver.State> {

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("Archiver");

  /** What to follow: the chain, the Rollup and its Inbox, and the first L1 block to read (the deployment block). */
  public record Target(long chainId, EthAddress rollup, EthAddress inbox, long fromL1Block) {
    public static Target of(L1Contracts contracts) {
      return new Target(contracts.chainId(), contracts.rollup(), contracts.inbox(), contracts.deploymentL1Block());
    }
  }

  // ---- journaled values -----------------------------------------------------------------------------------------

  /** An {@code L2BlockProposed} log and where it sits on L1. */
  public record ProposalSeen(long l2BlockNumber, Fr archive, Fr effectsHash, long l1Block, String l1BlockHash,
      String l1TxHash) implements ObsidianSerializable {}

  /** A {@code MessageSent} log: an L1->L2 message of the Inbox tree of L2 block {@code l2BlockNumber}. */
  public record MessageSeen(long l2BlockNumber, long index, Fr hash, EthAddress sender, Fr recipient, Fr content,
      Fr secretHash, long l1Block) implements ObsidianSerializable {}

  /** An L1 block's number and hash. */
  public record L1Block(long number, String hash) implements ObsidianSerializable {}

  public sealed interface Event extends ObsidianSerializable {}

  /**
   * L1 blocks [fromL1Block, toL1Block] were read: their proposals and messages, and block hashes to find a common
   * ancestor later.
   */
  public record L1Synced(long fromL1Block, long toL1Block, String toL1BlockHash, List<ProposalSeen> proposals,
      List<MessageSeen> messages, List<L1Block> checkpoints) implements Event {}

  /** L1 blocks after {@code toL1Block} (up to {@code fromL1Block}) left the chain: what they held is dropped. */
  public record L1Reorged(long fromL1Block, long toL1Block, String toL1BlockHash) implements Event {}

  // ---- commands and replies -------------------------------------------------------------------------------------

  public sealed interface Command {}

  /** Look at L1 now (also sent by the archiver's own timer). */
  public enum Poll implements Command { INSTANCE }

  record Polled(ArchiverPoll.Result result) implements Command {}

  record PollFailed(ArchiverException error) implements Command {}

  /** Tells {@code subscriber} of every advance and reorg from now on, starting with the current position. */
  public record Subscribe(ActorRef<Notification> subscriber) implements Command {}

  public record GetStatus(ActorRef<Status> replyTo) implements Command {}

  /** Up to {@code max} proposals of L2 blocks from {@code fromL2Block} on, in block order (contiguous). */
  public record GetProposals(long fromL2Block, int max, ActorRef<List<ProposalSeen>> replyTo) implements Command {}

  /**
   * The L1->L2 messages of L2 block {@code l2Block} in leaf order, once its Inbox tree is closed (the proposal of the
   * block before it was seen; block 1's tree is always empty), else empty.
   */
  public record GetMessages(long l2Block, ActorRef<Optional<List<MessageSeen>>> replyTo) implements Command {}

  public sealed interface Notification {}

  /** The archiver read L1 up to {@code l1Block}; L1 holds L2 blocks up to {@code latestL2Block}. */
  public record Advanced(long l1Block, long latestL2Block) implements Notification {}

  /** An L1 reorg: L2 blocks after {@code latestL2Block} are no longer on L1 (they may come back). */
  public record Reorged(long fromL1Block, long toL1Block, long latestL2Block) implements Notification {}

  /**
   * @param l1Block the cursor (the last L1 block read), -1 before the first poll
   * @param lastError the last failure, if the last poll failed
   */
  public record Status(long l1Block, String l1BlockHash, long latestL2Block, int messages, long reorgs,
      Optional<String> lastError, int consecutiveFailures, boolean halted) {}

  // ---- state ----------------------------------------------------------------------------------------------------

  /** The followed L1 view. Mutated in place by the event handler (see the class comment). */
  public static final class State {
    private L1Block cursor;
    private final TreeMap<Long, String> remembered = new TreeMap<>();
    private final TreeMap<Long, ProposalSeen> proposals = new TreeMap<>();
    private final TreeMap<Long, MessageSeen> messagesByIndex = new TreeMap<>();
    private long reorgs;
    private final int rememberedLimit;

    State(int rememberedLimit) {
      this.rememberedLimit = rememberedLimit;
    }

    public Optional<L1Block> cursor() {
      return Optional.ofNullable(cursor);
    }

    /** The highest L2 block whose proposal (and every earlier one) is on L1. */
    public long latestL2Block() {
      long latest = 0;
      for (long number : proposals.keySet()) {
        if (number != latest + 1) {
          break;
        }
        latest = number;
      }
      return latest;
    }

    State apply(Event event) {
      switch (event) {
        case L1Synced synced -> {
          for (ProposalSeen proposal : synced.proposals()) {
            // a block proposed again (after a prune) replaces it and everything above it
            proposals.tailMap(proposal.l2BlockNumber(), true).clear();
            proposals.put(proposal.l2BlockNumber(), proposal);
          }
          for (MessageSeen message : synced.messages()) {
            messagesByIndex.put(message.index(), message);
          }
          for (L1Block checkpoint : synced.checkpoints()) {
            remembered.put(checkpoint.number(), checkpoint.hash());
          }
          while (remembered.size() > rememberedLimit) {
            remembered.pollFirstEntry();
          }
          cursor = new L1Block(synced.toL1Block(), synced.toL1BlockHash());
        }
        case L1Reorged reorg -> {
          proposals.values().removeIf(p -> p.l1Block() > reorg.toL1Block());
          messagesByIndex.values().removeIf(m -> m.l1Block() > reorg.toL1Block());
          remembered.tailMap(reorg.toL1Block(), false).clear();
          cursor = new L1Block(reorg.toL1Block(), reorg.toL1BlockHash());
          reorgs++;
        }
      }
      return this;
    }

    List<ProposalSeen> proposals(long from, int max) {
      List<ProposalSeen> out = new ArrayList<>();
      long expected = Math.max(from, 1);
      for (ProposalSeen p : proposals.tailMap(expected, true).values()) {
        if (p.l2BlockNumber() != expected || out.size() >= max) {
          break;
        }
        out.add(p);
        expected++;
      }
      return out;
    }

    Optional<List<MessageSeen>> messages(long l2Block) {
      if (l2Block < 1 || (l2Block > 1 && !proposals.containsKey(l2Block - 1))) {
        return Optional.empty();
      }
      long first = (l2Block - 1) * L1_TO_L2_MESSAGES_PER_BLOCK;
      return Optional.of(List.copyOf(
          messagesByIndex.subMap(first, true, first + L1_TO_L2_MESSAGES_PER_BLOCK, false).values()));
    }

    NavigableMap<Long, String> rememberedCopy() {
      return new TreeMap<>(remembered);
    }
  }

  /** 2^L1_TO_L2_MSG_SUBTREE_HEIGHT leaves per L2 block, as the Inbox numbers them. */
  public static final long L1_TO_L2_MESSAGES_PER_BLOCK = 1L << dev.obsidian.crypto.protocol.Constants.L1_TO_L2_MSG_SUBTREE_HEIGHT;

  // ---- behaviour ------------------------------------------------------------------------------------------------

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final ArchiverSource source;
  private final Target target;
  private final ArchiverSettings settings;
  private final Executor io;
  private final List<ActorRef<Notification>> subscribers = new ArrayList<>();
  private boolean polling;
  private boolean halted;
  private int failures;
  private String lastError;

  public static Behavior<Command> create(ArchiverSource source, Target target, ArchiverSettings settings) {
    return create(PERSISTENCE_ID, source, target, settings);
  }

  public static Behavior<Command> create(PersistenceId id, ArchiverSource source, Target target,
      ArchiverSettings settings) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new L1Archiver(id, context, timers, source, target, settings)));
  }

  private L1Archiver(PersistenceId id, ActorContext<Command> context, TimerScheduler<Command> timers,
      ArchiverSource source, Target target, ArchiverSettings settings) {
    super(id, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.context = context;
    this.timers = timers;
    this.source = source;
    this.target = target;
    this.settings = settings;
    this.io = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  @Override
  public State emptyState() {
    return new State(settings.rememberedBlocks());
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> context.getSelf()
        .tell(Poll.INSTANCE)).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Poll.class, this::onPoll)
        .onCommand(Polled.class, this::onPolled)
        .onCommand(PollFailed.class, this::onFailed)
        .onCommand(Subscribe.class, (state, c) -> {
          subscribers.add(c.subscriber());
          c.subscriber().tell(new Advanced(state.cursor().map(L1Block::number).orElse(-1L), state.latestL2Block()));
          return Effect().noReply();
        })
        .onCommand(GetStatus.class, (state, c) -> Effect().reply(c.replyTo(), status(state)))
        .onCommand(GetProposals.class, (state, c) -> Effect().reply(c.replyTo(),
            state.proposals(c.fromL2Block(), c.max())))
        .onCommand(GetMessages.class, (state, c) -> Effect().reply(c.replyTo(), state.messages(c.l2Block())))
        .build();
  }

  private Status status(State state) {
    return new Status(state.cursor().map(L1Block::number).orElse(-1L),
        state.cursor().map(L1Block::hash).orElse(""), state.latestL2Block(), state.messagesByIndex.size(),
        state.reorgs, Optional.ofNullable(lastError), failures, halted);
  }

  private ReplyEffect<Event, State> onPoll(State state, Poll poll) {
    if (polling || halted) {
      return Effect().noReply();
    }
    polling = true;
    Optional<L1Block> cursor = state.cursor();
    NavigableMap<Long, String> remembered = state.rememberedCopy();
    context.pipeToSelf(CompletableFuture.supplyAsync(
            () -> ArchiverPoll.run(source, target, settings, cursor, remembered), io),
        (result, failure) -> result != null ? new Polled(result) : new PollFailed(asArchiverError(failure)));
    return Effect().noReply();
  }

  private static ArchiverException asArchiverError(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof ArchiverException e) {
      return e;
    }
    return new ArchiverException(ArchiverException.Error.L1_RPC_ERROR, String.valueOf(cause), cause);
  }

  private ReplyEffect<Event, State> onPolled(State state, Polled polled) {
    polling = false;
    failures = 0;
    lastError = null;
    return switch (polled.result()) {
      case ArchiverPoll.Synced synced -> Effect().persist(synced.event()).thenRun(s -> {
        notifyAll(new Advanced(synced.event().toL1Block(), s.latestL2Block()));
        schedulePoll(synced.more() ? Duration.ZERO : settings.pollInterval());
      }).thenNoReply();
      case ArchiverPoll.Reorg reorg -> Effect().persist(reorg.event()).thenRun(s -> {
        context.getLog().warn("L1 reorg: L1 blocks {}..{} left the chain; back to L1 block {}, L2 blocks on L1 up "
            + "to {}", reorg.event().toL1Block() + 1, reorg.event().fromL1Block(), reorg.event().toL1Block(),
            s.latestL2Block());
        notifyAll(new Reorged(reorg.event().fromL1Block(), reorg.event().toL1Block(), s.latestL2Block()));
        schedulePoll(Duration.ZERO);
      }).thenNoReply();
      case ArchiverPoll.Idle idle -> {
        schedulePoll(settings.pollInterval());
        yield Effect().noReply();
      }
    };
  }

  private ReplyEffect<Event, State> onFailed(State state, PollFailed failed) {
    polling = false;
    failures++;
    lastError = failed.error().getMessage();
    if (!failed.error().error().retryable()) {
      halted = true;
      context.getLog().error("archiver stopped following L1: {}", lastError);
      return Effect().noReply();
    }
    Duration backoff = backoff(settings, failures);
    context.getLog().warn("archiver poll failed ({} in a row), retrying in {} ms: {}", failures, backoff.toMillis(),
        lastError);
    schedulePoll(backoff);
    return Effect().noReply();
  }

  /** retry-min-backoff doubled per further failure, capped at retry-max-backoff. */
  static Duration backoff(ArchiverSettings settings, int consecutiveFailures) {
    Duration wait = settings.retryMinBackoff();
    for (int i = 1; i < consecutiveFailures && wait.compareTo(settings.retryMaxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.retryMaxBackoff()) > 0 ? settings.retryMaxBackoff() : wait;
  }

  private void schedulePoll(Duration after) {
    if (after.isZero()) {
      context.getSelf().tell(Poll.INSTANCE);
    } else {
      timers.startSingleTimer(Poll.INSTANCE, after);
    }
  }

  private void notifyAll(Notification notification) {
    subscribers.forEach(subscriber -> subscriber.tell(notification));
  }
}
