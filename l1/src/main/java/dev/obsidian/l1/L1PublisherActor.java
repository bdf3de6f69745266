package dev.obsidian.l1;

import dev.obsidian.actors.BlockProofs;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.persistence.ObsidianSerializable;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The event-sourced L1 publisher: takes proven blocks over from the sequencer and proposes each to the Rollup exactly
 * once, in order, one transaction in flight at a time.
 *
 * <p>Per block: the request is journaled ({@link PublishRequested}); the proposal transaction is signed with the
 * publisher's own nonce and EIP-1559 fees and journaled ({@link L1TxSent}, with its signed bytes) <em>before</em> it is
 * sent, so after a crash it is re-sent byte for byte rather than proposed again; a transaction left unmined for
 * {@code bumpAfterL1Blocks} is replaced by the same nonce with fees raised by {@code feeBumpPercent}
 * ({@link L1TxReplaced} + {@link L1TxSent}); its receipt is journaled ({@link L1TxMined}); after
 * {@code confirmations} L1 blocks the block is {@link Published}. A transaction that will never land (its nonce used
 * by another, reverted, or removed by an L1 reorg) is {@link L1TxDropped} and the block sent again.
 *
 * <p>On a Rollup that checks proofs ({@link Proving}), a block is taken over only with its proofs: they are encoded
 * into propose's {@code proof} argument ({@link ProposalProof}) when the block is requested and journaled with it in
 * {@link PublishRequested}, so every transaction for the block, after a restart too, carries the same bytes. A block
 * without proofs, or whose proofs do not fit the Rollup's verifier or the block, is {@link Refused} and nothing is
 * journaled. Proof checking off, proofs are ignored and the {@code proof} argument is empty.
 *
 * <p>Every step reads L1 first ({@link PublishStep}): a block L1 already holds with our archive is recorded from the
 * Rollup's {@code L2BlockProposed} log instead of being sent (the crash between sending and journaling), blocks L1
 * lost below the one in flight (a reorg, an Anvil state lost with a killed sandbox) are requested again from the node's
 * block index. Side effects (L1 reads and sends) run on the blocking dispatcher and are re-driven from
 * {@link RecoveryCompleted}; failed steps are retried with exponential backoff, journaling nothing.
 */
public final class L1PublisherActor
    extends EventSourcedBehaviorWithEnforcedReplies<L1PublisherActor.Command, L1PublisherActor.Event,
    L1PublisherActor.State> {

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("L1Publisher");
  private static final String DRIVE_TIMER = "drive";

  /**
   * @param confirmations L1 blocks (the one holding the proposal included) before {@link Published}
   * @param maxFeePerGas the most ever offered per gas, in wei
   */
  public record Settings(int confirmations, Duration pollInterval, int feeBumpPercent, int bumpAfterL1Blocks,
      BigInteger maxFeePerGas, int maxAttempts, Duration retryBackoffMin, Duration retryBackoffMax,
      Duration reconcileInterval, long rollupVersion, long chainId) {

    public Settings {
      if (confirmations < 1 || feeBumpPercent < 10 || bumpAfterL1Blocks < 1 || maxAttempts < 1
          || maxFeePerGas.signum() <= 0) {
        throw new IllegalArgumentException("confirmations, bumpAfterL1Blocks, maxAttempts >= 1, feeBumpPercent >= 10"
            + " and maxFeePerGas > 0 required");
      }
    }

    public static Settings of(dev.obsidian.config.L1Settings l1, long rollupVersion) {
      var p = l1.publisher();
      return new Settings(l1.publisherConfirmations(), p.pollInterval(), p.feeBumpPercent(), p.bumpAfterL1Blocks(),
          BigInteger.valueOf(p.maxFeePerGasGwei()).multiply(BigInteger.TEN.pow(9)), p.maxAttempts(),
          p.retryBackoffMin(), p.retryBackoffMax(), p.reconcileInterval(), rollupVersion, l1.chainId());
    }
  }

  /**
   * The Rollup checks proofs with {@code keys}; {@code proofsOf} gives a block's accepted proofs when the publisher
   * requests a block again by itself (L1 lost it): empty when the node no longer holds them, then that is a named
   * problem, retried.
   */
  public record Proving(BlockVerifierKeys keys, LongFunction<List<BlockProofs.AcceptedProof>> proofsOf) {
    public Proving {
      if (keys == null || proofsOf == null) {
        throw new IllegalArgumentException("keys and proofsOf must be present");
      }
    }
  }

  /** What the actor tells the node: the published height after each change, and failed attempts. */
  public interface Listener {
    void publishedHeight(long blockNumber, String l1TxHash, long l1BlockNumber);

    default void attemptFailed(String error) {}

    /**
     * L1 no longer accepts the node's chain above {@code toBlock} ({@link ChainAbandoned}); told again after a
     * restart with the last such decision (the node ignores a notice about a chain it already rebuilt).
     */
    default void chainAbandoned(long toBlock, dev.obsidian.crypto.field.Fr firstDroppedArchive, String reason) {}
  }

  // ---- commands -------------------------------------------------------------------------------------------------

  public sealed interface Command {}

  /**
   * Take {@code block} over; replies {@link Accepted} once the request is journaled (at once if it already is), or
   * {@link Refused} when the Rollup checks proofs and {@code proofs} do not prove the block for it.
   *
   * @param proofs the block's accepted proofs in {@link BlockProofs} order; ignored when proof checking is off
   */
  public record Publish(L2Block block, List<BlockProofs.AcceptedProof> proofs, ActorRef<Reply> replyTo)
      implements Command {
    public Publish {
      proofs = List.copyOf(proofs);
    }

    /** A block without proofs (for a Rollup that does not check them). */
    public Publish(L2Block block, ActorRef<Reply> replyTo) {
      this(block, List.of(), replyTo);
    }
  }

  public sealed interface Reply {
    long blockNumber();
  }

  public record Accepted(long blockNumber) implements Reply {}

  /** Not taken over, nothing journaled: {@code reason} names the block and the problem. */
  public record Refused(long blockNumber, String reason) implements Reply {}

  public record GetStatus(ActorRef<Status> replyTo) implements Command {}

  /**
   * @param queued blocks requested and not yet published, in order
   * @param inFlight the transactions sent for the first of them (same nonce), oldest first
   * @param failures consecutive failed attempts
   * @param checksProofs whether the Rollup checks proofs (then every published block is proven on L1)
   * @param provenBlockNumber the Rollup's provenBlockNumber at the publisher's last look at L1 (0 when it does not
   *     check proofs)
   */
  public record Status(long publishedBlockNumber, String publishedL1TxHash, List<Long> queued,
      List<String> inFlight, int failures, Optional<String> lastError, boolean checksProofs,
      long provenBlockNumber) {}

  enum Drive implements Command { INSTANCE }

  /** @param round the drive it answers: answers of a drive from before a restart are ignored */
  record StepDone(long round, PublishStep.Decision decision) implements Command {}

  record StepFailed(long round, String error) implements Command {}

  record BroadcastDone(long round, String txHash, L1Client.BroadcastResult result, String error)
      implements Command {}

  // ---- events ---------------------------------------------------------------------------------------------------

  public sealed interface Event extends ObsidianSerializable {
    long blockNumber();
  }

  /**
   * @param proof propose's {@code proof} argument (hex, "0x" + bytes; "" when the Rollup does not check proofs), sent
   *     unchanged in every transaction for the block (schema 2; absent in schema 1)
   */
  public record PublishRequested(long blockNumber, L2Block block, String proof) implements Event {
    public PublishRequested {
      proof = proof == null ? "" : proof;
    }

    public PublishRequested(long blockNumber, L2Block block) {
      this(blockNumber, block, "");
    }
  }

  /** The journaled {@code proof} argument of a queued block (hex, see {@link PublishRequested#proof}). */
  public record QueuedProof(long blockNumber, String proof) implements ObsidianSerializable {}

  /**
   * A proposal transaction, journaled before it is sent.
   *
   * @param signedTx the signed transaction (hex), re-sent unchanged after a crash
   * @param sentAtL1Block the L1 tip when it was signed: the replacement clock starts there
   */
  public record L1TxSent(long blockNumber, long nonce, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas,
      long gasLimit, String hash, String signedTx, long sentAtL1Block) implements Event {}

  /** The receipt of the transaction that proposed the block (status ok). */
  public record L1TxMined(long blockNumber, String hash, long l1Block, String l1BlockHash, long gasUsed)
      implements Event {}

  /** A stuck transaction is being replaced by a same-nonce one with higher fees (the next {@link L1TxSent}). */
  public record L1TxReplaced(long blockNumber, long nonce, String replacedHash, String reason) implements Event {}

  /**
   * The block's transaction will not land, or L1 no longer holds the block: its nonce was used by another
   * transaction, it reverted, or an L1 reorg removed it. The block (and any later one L1 lost) is sent again.
   */
  public record L1TxDropped(long blockNumber, String hash, String reason) implements Event {}

  /** The block is on L1 with {@code confirmations} L1 blocks on top. */
  public record Published(long blockNumber, long l1Block, String l1TxHash) implements Event {}

  /**
   * L1 no longer accepts the node's blocks above {@code blockNumber} (the last block L1 holds, or will hold once the
   * next proposal prunes): the Rollup pruned them (its prune window passed, e.g. after a deep L1 reorg or a long L1
   * outage), or re-proposing the next one reverts (an L1 reorg changed the Inbox tree it consumed, or L1 holds another
   * parent). Nothing above it is published or queued any more; the node rolls its chain back to it and builds again.
   *
   * @param fromBlock the highest block the publisher held (published or queued) when it decided
   * @param firstDroppedArchive the archive root of the node's block {@code blockNumber + 1}
   * @param l1Block the L1 tip when it decided (prunes logged up to it are accounted for)
   */
  public record ChainAbandoned(long blockNumber, long fromBlock, dev.obsidian.crypto.field.Fr firstDroppedArchive,
      String reason, long l1Block) implements Event {}

  // ---- state ----------------------------------------------------------------------------------------------------

  /** The transactions sent for one block, all with one nonce, and its receipt once mined. */
  public record Attempt(long blockNumber, List<L1TxSent> sent, Optional<L1TxMined> mined)
      implements ObsidianSerializable {
    public L1TxSent newest() {
      return sent.get(sent.size() - 1);
    }
  }

  /**
   * @param queue blocks requested and not yet published, ascending by number
   * @param attempt the transactions of the first queued block, or its receipt found on L1
   * @param proofs the journaled proof arguments of queued blocks that have one, ascending by number (schema 3;
   *     absent before)
   */
  public record State(long publishedBlockNumber, String publishedL1TxHash, long publishedL1Block,
      List<L2Block> queue, Optional<Attempt> attempt, Optional<ChainAbandoned> abandoned, List<QueuedProof> proofs)
      implements ObsidianSerializable {

    public static final State EMPTY = new State(0, "", 0, List.of(), Optional.empty());

    /** @param abandoned the last {@link ChainAbandoned} (schema 2; absent in schema 1) */
    public State {
      abandoned = abandoned == null ? Optional.empty() : abandoned;
      proofs = proofs == null ? List.of() : List.copyOf(proofs);
    }

    State(long publishedBlockNumber, String publishedL1TxHash, long publishedL1Block, List<L2Block> queue,
        Optional<Attempt> attempt, Optional<ChainAbandoned> abandoned) {
      this(publishedBlockNumber, publishedL1TxHash, publishedL1Block, queue, attempt, abandoned, List.of());
    }

    State(long publishedBlockNumber, String publishedL1TxHash, long publishedL1Block, List<L2Block> queue,
        Optional<Attempt> attempt) {
      this(publishedBlockNumber, publishedL1TxHash, publishedL1Block, queue, attempt, Optional.empty());
    }

    /** The journaled proof argument of queued block {@code blockNumber} ("" when it has none). */
    public String proofOf(long blockNumber) {
      return proofs.stream().filter(p -> p.blockNumber() == blockNumber).map(QueuedProof::proof).findFirst()
          .orElse("");
    }

    public Optional<L2Block> head() {
      return queue.isEmpty() ? Optional.empty() : Optional.of(queue.get(0));
    }

    boolean holds(long blockNumber) {
      return blockNumber <= publishedBlockNumber || queue.stream().anyMatch(b -> b.number() == blockNumber);
    }

    /**
     * The event applied to the queue, then the proofs kept: those of blocks still queued (the transitions below
     * rebuild the state without proofs; a new request brings its own).
     */
    State apply(Event event) {
      State next = applyToQueue(event);
      if (event instanceof PublishRequested r && !holds(r.blockNumber())) {
        return next;
      }
      // both ascending by number: one merge pass
      List<QueuedProof> kept = new ArrayList<>();
      int at = 0;
      for (QueuedProof p : proofs) {
        while (at < next.queue.size() && next.queue.get(at).number() < p.blockNumber()) {
          at++;
        }
        if (at < next.queue.size() && next.queue.get(at).number() == p.blockNumber()) {
          kept.add(p);
        }
      }
      return next.withProofs(List.copyOf(kept));
    }

    private State withProofs(List<QueuedProof> next) {
      return new State(publishedBlockNumber, publishedL1TxHash, publishedL1Block, queue, attempt, abandoned, next);
    }

    private State applyToQueue(Event event) {
      return switch (event) {
        case PublishRequested r -> holds(r.blockNumber()) ? this : withQueue(inserted(r.block()))
            .withProofs(r.proof().isEmpty() ? proofs : insertedProof(new QueuedProof(r.blockNumber(), r.proof())));
        case L1TxSent s -> new State(publishedBlockNumber, publishedL1TxHash, publishedL1Block, queue,
            Optional.of(attempt.filter(a -> a.blockNumber() == s.blockNumber() && a.newest().nonce() == s.nonce())
                .map(a -> new Attempt(a.blockNumber(), appended(a.sent(), s), a.mined()))
                .orElse(new Attempt(s.blockNumber(), List.of(s), Optional.empty()))), abandoned);
        case L1TxMined m -> new State(publishedBlockNumber, publishedL1TxHash, publishedL1Block, queue,
            Optional.of(new Attempt(m.blockNumber(),
                attempt.filter(a -> a.blockNumber() == m.blockNumber()).map(Attempt::sent).orElse(List.of()),
                Optional.of(m))), abandoned);
        case L1TxReplaced r -> this;
        case L1TxDropped d -> d.blockNumber() <= publishedBlockNumber
            ? new State(d.blockNumber() - 1, "", 0, queue, Optional.empty(), abandoned)
            : new State(publishedBlockNumber, publishedL1TxHash, publishedL1Block, queue,
                attempt.filter(a -> a.blockNumber() != d.blockNumber()), abandoned);
        case Published p -> new State(p.blockNumber(), p.l1TxHash(), p.l1Block(),
            queue.stream().filter(b -> b.number() > p.blockNumber()).toList(), Optional.empty(), abandoned);
        case ChainAbandoned a -> a.blockNumber() < publishedBlockNumber
            ? new State(a.blockNumber(), "", 0, List.of(), Optional.empty(), Optional.of(a))
            : new State(publishedBlockNumber, publishedL1TxHash, publishedL1Block, List.of(), Optional.empty(),
                Optional.of(a));
      };
    }

    private State withQueue(List<L2Block> next) {
      return new State(publishedBlockNumber, publishedL1TxHash, publishedL1Block, next, attempt, abandoned, proofs);
    }

    private List<QueuedProof> insertedProof(QueuedProof proof) {
      List<QueuedProof> next = new ArrayList<>();
      for (QueuedProof p : proofs) {
        if (p.blockNumber() != proof.blockNumber()) {
          next.add(p);
        }
      }
      int at = 0;
      while (at < next.size() && next.get(at).blockNumber() < proof.blockNumber()) {
        at++;
      }
      next.add(at, proof);
      return List.copyOf(next);
    }

    private List<L2Block> inserted(L2Block block) {
      List<L2Block> next = new ArrayList<>(queue);
      int at = 0;
      while (at < next.size() && next.get(at).number() < block.number()) {
        at++;
      }
      next.add(at, block);
      return List.copyOf(next);
    }

    private static List<L1TxSent> appended(List<L1TxSent> sent, L1TxSent next) {
      List<L1TxSent> all = new ArrayList<>(sent);
      all.add(next);
      return List.copyOf(all);
    }
  }

  // ---- behaviour ------------------------------------------------------------------------------------------------

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Settings settings;
  private final PublishStep step;
  private final Listener listener;
  private final Executor blocking;
  private final Optional<Proving> proving;
  /** Transient: an L1 step or broadcast is running; drives wait for it. */
  private boolean busy;
  /**
   * Transient: counts drives. The behavior object outlives a restart after a journal failure, so a step started
   * before it may still answer; only the answer to the current round is used.
   */
  private long round;
  /** Transient: the next nonce to use, learned from L1 at start and after any error. */
  private OptionalLong nextNonce = OptionalLong.empty();
  private int failures;
  private Optional<String> lastError = Optional.empty();

  /** A publisher to a Rollup that does not check proofs. */
  public static Behavior<Command> create(Settings settings, RollupClient rollup,
      LongFunction<Optional<L2Block>> blocks, Listener listener) {
    return create(PERSISTENCE_ID, settings, rollup, blocks, Optional.empty(), listener);
  }

  /**
   * @param proving present exactly when the Rollup checks proofs (with these keys); checked against the Rollup's
   *     {@code PROOF_CHECKING_ENABLED} at the first look at L1 (a mismatch is a named problem, nothing is sent)
   */
  public static Behavior<Command> create(Settings settings, RollupClient rollup,
      LongFunction<Optional<L2Block>> blocks, Optional<Proving> proving, Listener listener) {
    return create(PERSISTENCE_ID, settings, rollup, blocks, proving, listener);
  }

  static Behavior<Command> create(PersistenceId id, Settings settings, RollupClient rollup,
      LongFunction<Optional<L2Block>> blocks, Listener listener) {
    return create(id, settings, rollup, blocks, Optional.empty(), listener);
  }

  static Behavior<Command> create(PersistenceId id, Settings settings, RollupClient rollup,
      LongFunction<Optional<L2Block>> blocks, Optional<Proving> proving, Listener listener) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new L1PublisherActor(id, context, timers,
        settings, new PublishStep(settings, rollup, blocks, proving), proving, listener)));
  }

  private L1PublisherActor(PersistenceId id, ActorContext<Command> context, TimerScheduler<Command> timers,
      Settings settings, PublishStep step, Optional<Proving> proving, Listener listener) {
    super(id, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.context = context;
    this.timers = timers;
    this.settings = settings;
    this.step = step;
    this.listener = listener;
    this.proving = proving;
    this.blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> {
      busy = false;
      round++;
      nextNonce = OptionalLong.empty();
      listener.publishedHeight(state.publishedBlockNumber(), state.publishedL1TxHash(), state.publishedL1Block());
      state.abandoned().ifPresent(a -> listener.chainAbandoned(a.blockNumber(), a.firstDroppedArchive(), a.reason()));
      context.getSelf().tell(Drive.INSTANCE);
    }).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Publish.class, this::onPublish)
        .onCommand(GetStatus.class, (state, get) -> Effect().reply(get.replyTo(), status(state)))
        .onCommand(Drive.class, this::onDrive)
        .onCommand(StepDone.class, this::onStepDone)
        .onCommand(StepFailed.class, (state, failed) -> {
          if (failed.round() != round) {
            return Effect().noReply();
          }
          busy = false;
          failed(failed.error());
          return Effect().noReply();
        })
        .onCommand(BroadcastDone.class, this::onBroadcastDone)
        .build();
  }

  private ReplyEffect<Event, State> onPublish(State state, Publish publish) {
    long number = publish.block().number();
    if (state.holds(number) || step.builtOnAbandonedChain(state, publish.block())) {
      return Effect().reply(publish.replyTo(), new Accepted(number));
    }
    String proof = "";
    if (proving.isPresent()) {
      try {
        proof = L1Client.hex(ProposalProof.encode(proving.get().keys(), publish.block(), publish.proofs()));
      } catch (IllegalArgumentException e) {
        context.getLog().warn("not publishing: {}", e.getMessage());
        return Effect().reply(publish.replyTo(), new Refused(number, e.getMessage()));
      }
    }
    return Effect().persist(new PublishRequested(number, publish.block(), proof))
        .thenRun(s -> {
          if (!busy) {
            timers.startSingleTimer(DRIVE_TIMER, Drive.INSTANCE, Duration.ZERO);
          }
        })
        .thenReply(publish.replyTo(), s -> new Accepted(number));
  }

  private ReplyEffect<Event, State> onDrive(State state, Drive drive) {
    if (busy) {
      return Effect().noReply();
    }
    busy = true;
    long current = ++round;
    OptionalLong nonce = nextNonce;
    CompletableFuture.supplyAsync(() -> step.decide(state, nonce), blocking).whenComplete((decision, failure) ->
        context.getSelf().tell(decision != null ? new StepDone(current, decision)
            : new StepFailed(current, describe(failure))));
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onStepDone(State state, StepDone done) {
    if (done.round() != round) {
      return Effect().noReply();
    }
    PublishStep.Decision decision = done.decision();
    decision.nextNonce().ifPresent(n -> nextNonce = OptionalLong.of(n));
    if (decision.problem().isPresent()) {
      busy = false;
      failed(decision.problem().get());
      return Effect().noReply();
    }
    if (decision.events().isEmpty()) {
      afterStep(decision);
      return Effect().noReply();
    }
    return Effect().persist(decision.events()).thenRun(s -> {
      for (Event event : decision.events()) {
        if (event instanceof Published || event instanceof L1TxDropped d && d.blockNumber() <= state.publishedBlockNumber()) {
          listener.publishedHeight(s.publishedBlockNumber(), s.publishedL1TxHash(), s.publishedL1Block());
          break;
        }
      }
      for (Event event : decision.events()) {
        if (event instanceof ChainAbandoned a) {
          context.getLog().warn("L1 no longer accepts this node's blocks {}..{}: {}", a.blockNumber() + 1,
              a.fromBlock(), a.reason());
          listener.publishedHeight(s.publishedBlockNumber(), s.publishedL1TxHash(), s.publishedL1Block());
          listener.chainAbandoned(a.blockNumber(), a.firstDroppedArchive(), a.reason());
        }
      }
      if (decision.events().stream().anyMatch(e -> e instanceof L1TxDropped)) {
        nextNonce = OptionalLong.empty();
      }
      afterStep(decision);
    }).thenNoReply();
  }

  /** Broadcasts what the step signed (after it is journaled), or schedules the next step. */
  private void afterStep(PublishStep.Decision decision) {
    if (decision.broadcast().isPresent()) {
      L1Client.SignedTx tx = decision.broadcast().get();
      long current = round;
      CompletableFuture.supplyAsync(() -> step.broadcast(tx), blocking).whenComplete((result, failure) ->
          context.getSelf().tell(new BroadcastDone(current, tx.hash(), result,
              failure == null ? null : describe(failure))));
      return;
    }
    busy = false;
    succeeded();
    scheduleNext(decision.idle() ? settings.reconcileInterval() : decision.again() ? Duration.ZERO
        : settings.pollInterval());
  }

  private ReplyEffect<Event, State> onBroadcastDone(State state, BroadcastDone done) {
    if (done.round() != round) {
      return Effect().noReply();
    }
    busy = false;
    if (done.error() != null) {
      failed("sending " + done.txHash() + " failed: " + done.error());
    } else if (done.result() == L1Client.BroadcastResult.UNDERPRICED) {
      // the pool holds a same-nonce transaction paying more; the next bump offers more
      nextNonce = OptionalLong.empty();
      failed("L1 refused " + done.txHash() + " as underpriced");
    } else {
      if (done.result() == L1Client.BroadcastResult.NONCE_TOO_LOW) {
        nextNonce = OptionalLong.empty(); // the next step finds out what used it
      }
      succeeded();
      scheduleNext(settings.pollInterval());
    }
    return Effect().noReply();
  }

  private void succeeded() {
    failures = 0;
    lastError = Optional.empty();
  }

  private void failed(String error) {
    failures++;
    lastError = Optional.of(error);
    nextNonce = OptionalLong.empty();
    Duration backoff = failures >= settings.maxAttempts() ? settings.retryBackoffMax()
        : min(settings.retryBackoffMin().multipliedBy(1L << Math.min(failures - 1, 20)), settings.retryBackoffMax());
    if (failures == settings.maxAttempts()) {
      context.getLog().error("L1 publishing failed {} times in a row; retrying every {}: {}", failures,
          settings.retryBackoffMax(), error);
    } else {
      context.getLog().warn("L1 publishing attempt failed ({} in a row), retrying in {}: {}", failures, backoff,
          error);
    }
    listener.attemptFailed(error);
    scheduleNext(backoff);
  }

  private void scheduleNext(Duration delay) {
    timers.startSingleTimer(DRIVE_TIMER, Drive.INSTANCE, delay);
  }

  private Status status(State state) {
    return new Status(state.publishedBlockNumber(), state.publishedL1TxHash(),
        state.queue().stream().map(L2Block::number).toList(),
        state.attempt().map(a -> a.sent().stream().map(L1TxSent::hash).toList()).orElse(List.of()), failures,
        lastError, proving.isPresent(), step.provenSeen());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
