package dev.obsidian.actors;

import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.persistence.ObsidianSerializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * Builds blocks, one slot at a time ({@link SlotPhase}): on a tick it collects the best pending txs, journals the
 * proposal (block number, globals, ordered tx hashes), gets the block's L1->L2 messages from its
 * {@link L1ToL2MessageSource} (waiting, and asking again every {@link #MESSAGES_RETRY}, until L1 made them final),
 * has the world state build and apply it, journals the built
 * block, requests its proof and hands the proven block to the L1 publisher. Every input of re-execution (tx order,
 * timestamp, coinbase, chain id, version, fees) is in the events.
 *
 * <p>Side effects (build, apply, prove, publish) are sent from command handlers after the event is journaled, and
 * re-driven from {@link RecoveryCompleted} for the block in flight.
 */
public final class Sequencer
    extends EventSourcedBehaviorWithEnforcedReplies<Sequencer.Command, Sequencer.Event, Sequencer.State> {

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("Sequencer");

  /**
   * @param tickEvery block time; null means ticks come only from {@link Tick} messages (tests)
   */
  public record Settings(
      Duration tickEvery,
      int minTxsPerBlock,
      int maxTxsPerBlock,
      boolean buildEmptyBlocks,
      long chainId,
      long rollupVersion,
      EthAddress coinbase,
      AztecAddress feeRecipient,
      GasFees gasFees) {}

  /** The actors and ports a block passes through. */
  public record Collaborators(
      ActorRef<Mempool.Command> mempool,
      ActorRef<WorldState.Command> worldState,
      ActorRef<ProverCoordinator.Command> prover,
      L1Publisher publisher,
      ChainIndex index,
      L1ToL2MessageSource messages,
      TxArchive txArchive) {

    /** Collaborators that cannot look up the txs of rolled-back blocks (they are not restored to the mempool). */
    public Collaborators(ActorRef<Mempool.Command> mempool, ActorRef<WorldState.Command> worldState,
        ActorRef<ProverCoordinator.Command> prover, L1Publisher publisher, ChainIndex index,
        L1ToL2MessageSource messages) {
      this(mempool, worldState, prover, publisher, index, messages, TxArchive.NONE);
    }

    /** Collaborators whose blocks get no L1->L2 messages. */
    public Collaborators(ActorRef<Mempool.Command> mempool, ActorRef<WorldState.Command> worldState,
        ActorRef<ProverCoordinator.Command> prover, L1Publisher publisher, ChainIndex index) {
      this(mempool, worldState, prover, publisher, index, L1ToL2MessageSource.NONE);
    }
  }

  // ---- commands -------------------------------------------------------------------------------------------------

  public sealed interface Command {}

  /** Start a slot if idle. */
  public enum Tick implements Command { INSTANCE }

  public record GetStatus(ActorRef<Status> replyTo) implements Command {}

  /** @param publishedBlockNumber highest block the L1 publisher reports on L1 with its confirmations */
  public record Status(SlotPhase phase, long lastBlockNumber, long provenBlockNumber, long publishedBlockNumber) {}

  record TxsSelected(long blockNumber, long timestampSeconds, List<HashedTx> txs) implements Command {}

  record CollectFailed(String reason) implements Command {}

  record BlockCandidate(WorldState.Built built) implements Command {}

  record BlockApplied(long blockNumber) implements Command {}

  record ProofDone(ProverCoordinator.Outcome outcome) implements Command {}

  /** Proving the block in flight failed while L1 checks proofs: try again. */
  record RetryProving(long blockNumber) implements Command {}

  record PublishDone(long blockNumber, L1Publisher.Outcome outcome) implements Command {}

  /** The L1 publisher's published height changed (or is reported again after a restart). */
  record L1PublishedHeight(L1Publisher.PublishedHeight height) implements Command {}

  record ProposalTxs(long blockNumber, List<HashedTx> txs) implements Command {}

  /** The L1->L2 messages of the block being built, or empty while L1 has not made them final. */
  record MessagesFetched(GlobalVariables globals, List<HashedTx> txs,
      Optional<List<dev.obsidian.crypto.field.Fr>> messages) implements Command {}

  /** Ask the message source again for the block being built. */
  record RetryMessages(GlobalVariables globals, List<HashedTx> txs) implements Command {}

  /**
   * L1 no longer accepts this node's chain above {@code toBlock} (the Rollup pruned it, or a re-proposal reverts): roll
   * the chain back to {@code toBlock}, if block {@code toBlock + 1} of this node's chain is still the one L1 refused
   * (archive {@code firstDroppedArchive}); otherwise (told again after a restart, or about a chain already rebuilt) it
   * is ignored.
   */
  public record RollBack(long toBlock, dev.obsidian.crypto.field.Fr firstDroppedArchive, String reason)
      implements Command {}

  /** The world state unwound to the rollback's target (or failed to). */
  record RollbackUnwound(long toBlock, String error) implements Command {}

  /** The dropped blocks' txs are back in the mempool (or could not be found). */
  record RollbackRestored(long toBlock, String error) implements Command {}

  // ---- events ---------------------------------------------------------------------------------------------------

  public sealed interface Event extends ObsidianSerializable {
    long blockNumber();
  }

  public record BlockProposed(long blockNumber, GlobalVariables globals, List<TxHash> orderedTxHashes) implements Event {}

  /** The built block: header (state roots inside), archive and tx effects. */
  public record BlockBuilt(long blockNumber, L2Block block) implements Event {}

  public record BlockProofRequested(long blockNumber) implements Event {}

  /**
   * The block is proven. Without an L1 that checks proofs: when this node's verifier accepted its proofs (the block
   * in flight moves on to publishing). With one ({@link L1Publisher#checksProofs}): when the Rollup accepted the
   * proposal carrying them, journaled as the published height passes the block.
   */
  public record BlockProven(long blockNumber) implements Event {}

  /**
   * The node's verifier accepted the block's proofs and the Rollup checks proofs: the block goes to the publisher with
   * them, and is proven once L1 accepted it ({@link BlockProven}).
   */
  public record BlockProofsAccepted(long blockNumber) implements Event {}

  /** The block is not proven (proving is off, or a job failed every attempt); it is published all the same. */
  public record BlockLeftUnproven(long blockNumber, String reason) implements Event {}

  /**
   * The L1 publisher reports blocks up to {@code blockNumber} published on L1 (journaled whenever that height changes;
   * it goes down when an L1 reorg drops published blocks).
   */
  public record BlockPublished(long blockNumber, String l1TxHash) implements Event {}

  /** A publisher that answers at once refused the block (or there is no L1); it stays unpublished. */
  public record BlockLeftUnpublished(long blockNumber, String reason) implements Event {}

  /** The L1 publisher journaled the block and publishes it from now on; the slot is free again. */
  public record BlockHandedToL1Publisher(long blockNumber) implements Event {}

  /** A proposal that could not be built; the chain stays at the previous block. */
  public record BlockRolledBack(long blockNumber, String reason) implements Event {}

  /**
   * The chain is rolled back from {@code fromBlock} to {@code toBlock}: L1 no longer accepts the blocks above it. The
   * world state unwinds, the block index forgets them, their txs go back to the mempool, then
   * {@link ChainRollbackCompleted}. (Named apart from {@link BlockRolledBack}, the dropped-proposal event, whose journal
   * format stays as it is.) {@code droppedTxHashes}: the txs of the dropped blocks, in chain order, restored to the
   * mempool (journaled here so a restart mid-rollback restores exactly them).
   */
  public record ChainRolledBack(long fromBlock, long toBlock, String reason, List<TxHash> droppedTxHashes)
      implements Event {
    @Override
    public long blockNumber() {
      return toBlock;
    }
  }

  /** The side effects of the {@link ChainRolledBack} to {@code blockNumber} are done: the sequencer builds again. */
  public record ChainRollbackCompleted(long blockNumber) implements Event {}

  // ---- state ----------------------------------------------------------------------------------------------------

  /**
   * @param phase journaled phase (COLLECTING is never journaled)
   * @param proposal the proposal being built (BUILDING)
   * @param block the block in flight once built (BUILDING after BlockBuilt, PROVING, PUBLISHING)
   */
  public record State(
      SlotPhase phase,
      long lastBlockNumber,
      long lastTimestampSeconds,
      long provenBlockNumber,
      Optional<BlockProposed> proposal,
      Optional<L2Block> block,
      Optional<ChainRolledBack> rollback) implements ObsidianSerializable {

    public static final State GENESIS = new State(SlotPhase.IDLE, 0, 0, 0, Optional.empty(), Optional.empty(),
        Optional.empty());

    /** @param rollback the chain rollback whose side effects are not done yet (schema 2; absent in schema 1) */
    public State {
      rollback = rollback == null ? Optional.empty() : rollback;
    }

    State(SlotPhase phase, long lastBlockNumber, long lastTimestampSeconds, long provenBlockNumber,
        Optional<BlockProposed> proposal, Optional<L2Block> block) {
      this(phase, lastBlockNumber, lastTimestampSeconds, provenBlockNumber, proposal, block, Optional.empty());
    }

    State apply(Event event) {
      return switch (event) {
        case BlockProposed p -> new State(SlotPhase.BUILDING, lastBlockNumber, lastTimestampSeconds, provenBlockNumber,
            Optional.of(p), Optional.empty());
        case BlockBuilt b -> new State(SlotPhase.BUILDING, b.blockNumber(), b.block().header().globals().timestampSeconds(),
            provenBlockNumber, Optional.empty(), Optional.of(b.block()));
        case BlockProofRequested r -> withPhase(SlotPhase.PROVING);
        // the proven chain is a prefix: a block proven after one left unproven does not move the proven tip
        case BlockProven p -> {
          long proven = p.blockNumber() == provenBlockNumber + 1 ? p.blockNumber() : provenBlockNumber;
          // the block in flight (proofs accepted by this node), or a block L1 proved after it was published
          yield phase == SlotPhase.PROVING && p.blockNumber() == lastBlockNumber
              ? new State(SlotPhase.PUBLISHING, lastBlockNumber, lastTimestampSeconds, proven, Optional.empty(), block)
              : new State(phase, lastBlockNumber, lastTimestampSeconds, proven, proposal, block, rollback);
        }
        case BlockProofsAccepted a -> withPhase(SlotPhase.PUBLISHING);
        case BlockLeftUnproven u -> withPhase(SlotPhase.PUBLISHING);
        // the block in flight, or (with an event-sourced publisher) the published height moving on its own
        case BlockPublished p -> phase == SlotPhase.PUBLISHING && p.blockNumber() == lastBlockNumber ? idle() : this;
        case BlockLeftUnpublished u -> idle();
        case BlockHandedToL1Publisher h -> idle();
        case BlockRolledBack r -> idle();
        // the block in flight (if any) is dropped with the rest; timestamps never go backwards
        case ChainRolledBack r -> new State(SlotPhase.IDLE, Math.min(lastBlockNumber, r.toBlock()), lastTimestampSeconds,
            Math.min(provenBlockNumber, r.toBlock()), Optional.empty(), Optional.empty(), Optional.of(r));
        case ChainRollbackCompleted c -> new State(phase, lastBlockNumber, lastTimestampSeconds, provenBlockNumber,
            proposal, block, Optional.empty());
      };
    }

    private State withPhase(SlotPhase next) {
      return new State(next, lastBlockNumber, lastTimestampSeconds, provenBlockNumber, proposal, block, rollback);
    }

    private State idle() {
      return new State(SlotPhase.IDLE, lastBlockNumber, lastTimestampSeconds, provenBlockNumber, Optional.empty(),
          Optional.empty(), rollback);
    }
  }

  // ---- behaviour ------------------------------------------------------------------------------------------------

  private final ActorContext<Command> context;
  private final Settings settings;
  private final Collaborators peers;
  private final NodeClock clock;
  /** Transient: a tick is waiting for the mempool. Lost on restart, which is right: nothing was decided yet. */
  private boolean collecting;
  /**
   * Transient: a tick came while a block was in flight. The slot starts again as soon as that block is done instead of
   * at the next tick, so a block that takes a little longer than the block time does not cost a whole extra one.
   */
  private boolean tickMissed;

  public static Behavior<Command> create(Settings settings, Collaborators peers, NodeClock clock) {
    return create(PERSISTENCE_ID, settings, peers, clock);
  }

  static Behavior<Command> create(PersistenceId id, Settings settings, Collaborators peers, NodeClock clock) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      if (settings.tickEvery() != null) {
        timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.tickEvery());
      }
      peers.publisher().onPublishedHeight(height -> context.getSelf().tell(new L1PublishedHeight(height)));
      peers.publisher().onChainAbandoned(abandoned -> context.getSelf().tell(
          new RollBack(abandoned.toBlock(), abandoned.firstDroppedArchive(), abandoned.reason())));
      return new Sequencer(id, context, settings, peers, clock);
    }));
  }

  private Sequencer(PersistenceId id, ActorContext<Command> context, Settings settings, Collaborators peers, NodeClock clock) {
    super(id, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.context = context;
    this.settings = settings;
    this.peers = peers;
    this.clock = clock;
  }

  @Override
  public State emptyState() {
    return State.GENESIS;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(500, 2);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::redrive).build();
  }

  /** Resumes the block in flight (or the rollback under way) after a restart. */
  private void redrive(State state) {
    if (state.rollback().isPresent()) {
      rollBack(state.rollback().get());
      return;
    }
    switch (state.phase()) {
      case BUILDING -> state.block().ifPresentOrElse(this::apply, () -> refetch(state.proposal().orElseThrow()));
      case PROVING -> prove(state.block().orElseThrow());
      case PUBLISHING -> {
        L2Block block = state.block().orElseThrow();
        if (peers.publisher().checksProofs() && state.provenBlockNumber() < block.number()) {
          prove(block); // the proofs were in memory only (BlockProofs journals them): prove again, then publish
        } else {
          publish(block, List.of());
        }
      }
      case IDLE, COLLECTING -> { }
    }
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Tick.class, this::onTick)
        .onCommand(GetStatus.class, (state, c) -> Effect().reply(c.replyTo(),
            new Status(collecting ? SlotPhase.COLLECTING : state.phase(), state.lastBlockNumber(), state.provenBlockNumber(),
                peers.index().publishedBlockNumber())))
        .onCommand(TxsSelected.class, this::onSelected)
        .onCommand(CollectFailed.class, (state, c) -> {
          collecting = false;
          context.getLog().warn("collecting txs failed: {}", c.reason());
          return Effect().noReply();
        })
        .onCommand(ProposalTxs.class, this::onProposalTxs)
        .onCommand(MessagesFetched.class, this::onMessagesFetched)
        .onCommand(RetryMessages.class, this::onRetryMessages)
        .onCommand(BlockCandidate.class, this::onCandidate)
        .onCommand(BlockApplied.class, this::onApplied)
        .onCommand(ProofDone.class, this::onProofDone)
        .onCommand(RetryProving.class, this::onRetryProving)
        .onCommand(PublishDone.class, this::onPublishDone)
        .onCommand(L1PublishedHeight.class, this::onPublishedHeight)
        .onCommand(RollBack.class, this::onRollBack)
        .onCommand(RollbackUnwound.class, this::onRollbackUnwound)
        .onCommand(RollbackRestored.class, this::onRollbackRestored)
        .build();
  }

  private ReplyEffect<Event, State> onTick(State state, Tick tick) {
    if (state.phase() != SlotPhase.IDLE || collecting || state.rollback().isPresent()) {
      tickMissed = state.phase() != SlotPhase.IDLE || state.rollback().isPresent();
      return Effect().noReply();
    }
    collecting = true;
    long number = state.lastBlockNumber() + 1;
    // timestamps never go backwards, whatever the clock does
    long timestamp = Math.max(clock.nowMillis() / 1000, state.lastTimestampSeconds());
    context.ask(Mempool.Selection.class, peers.mempool(),
        Duration.ofSeconds(10),
        replyTo -> new Mempool.SelectTxs(settings.maxTxsPerBlock(), number, timestamp, replyTo),
        (selection, failure) -> selection != null
            ? new TxsSelected(number, timestamp, selection.txs())
            : new CollectFailed(String.valueOf(failure)));
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onSelected(State state, TxsSelected selected) {
    collecting = false;
    if (state.phase() != SlotPhase.IDLE || state.rollback().isPresent()
        || selected.blockNumber() != state.lastBlockNumber() + 1) {
      return Effect().noReply();
    }
    if (selected.txs().size() < settings.minTxsPerBlock() && !(settings.buildEmptyBlocks() && selected.txs().isEmpty())) {
      return Effect().noReply();
    }
    GlobalVariables globals = new GlobalVariables(settings.chainId(), settings.rollupVersion(), selected.blockNumber(),
        selected.blockNumber(), selected.timestampSeconds(), settings.coinbase(), settings.feeRecipient(), settings.gasFees());
    BlockProposed proposal = new BlockProposed(selected.blockNumber(), globals,
        selected.txs().stream().map(HashedTx::hash).toList());
    return Effect().persist(proposal).thenRun(s -> build(globals, selected.txs())).thenNoReply();
  }

  /** How soon a block whose L1->L2 messages are not final yet asks for them again. */
  static final Duration MESSAGES_RETRY = Duration.ofMillis(50);
  /** Wait before proving a block again whose proving failed while L1 checks proofs. */
  static final Duration PROVING_RETRY = Duration.ofSeconds(5);

  /** Gets the block's L1->L2 messages (at once when the source has them), then has the world state build it. */
  private void build(GlobalVariables globals, List<HashedTx> txs) {
    java.util.concurrent.CompletableFuture<Optional<List<dev.obsidian.crypto.field.Fr>>> messages =
        peers.messages().messagesFor(globals.blockNumber()).toCompletableFuture();
    if (messages.isDone() && !messages.isCompletedExceptionally()) {
      buildWith(globals, txs, messages.join());
      return;
    }
    context.pipeToSelf(messages, (found, failure) -> {
      if (failure != null) {
        context.getLog().warn("L1->L2 messages of block {} unavailable: {}", globals.blockNumber(), failure.toString());
      }
      return new MessagesFetched(globals, txs, found == null ? Optional.empty() : found);
    });
  }

  private void buildWith(GlobalVariables globals, List<HashedTx> txs,
      Optional<List<dev.obsidian.crypto.field.Fr>> messages) {
    if (messages.isEmpty()) {
      // the Inbox tree of this block is not final on L1 yet (or not seen with its confirmations): ask again soon
      context.scheduleOnce(MESSAGES_RETRY, context.getSelf(), new RetryMessages(globals, txs));
      return;
    }
    ActorRef<WorldState.Built> adapter = context.messageAdapter(WorldState.Built.class, BlockCandidate::new);
    peers.worldState().tell(new WorldState.BuildBlock(globals, txs, messages.get(), adapter));
  }

  private ReplyEffect<Event, State> onMessagesFetched(State state, MessagesFetched fetched) {
    if (stillBuilding(state, fetched.globals())) {
      buildWith(fetched.globals(), fetched.txs(), fetched.messages());
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onRetryMessages(State state, RetryMessages retry) {
    if (stillBuilding(state, retry.globals())) {
      build(retry.globals(), retry.txs());
    }
    return Effect().noReply();
  }

  /** The proposal of {@code globals} is journaled and its block not built yet. */
  private static boolean stillBuilding(State state, GlobalVariables globals) {
    return state.phase() == SlotPhase.BUILDING && state.block().isEmpty()
        && state.proposal().map(p -> p.blockNumber() == globals.blockNumber()).orElse(false);
  }

  /** After a restart in BUILDING without a built block: the proposal's txs are fetched again from the mempool. */
  private void refetch(BlockProposed proposal) {
    context.ask(Mempool.Selection.class, peers.mempool(), Duration.ofSeconds(10),
        replyTo -> new Mempool.GetTxs(proposal.orderedTxHashes(), replyTo),
        (selection, failure) -> new ProposalTxs(proposal.blockNumber(), selection == null ? List.of() : selection.txs()));
  }

  private ReplyEffect<Event, State> onProposalTxs(State state, ProposalTxs fetched) {
    BlockProposed proposal = state.proposal().filter(p -> p.blockNumber() == fetched.blockNumber()).orElse(null);
    if (proposal == null || state.block().isPresent()) {
      return Effect().noReply();
    }
    if (!fetched.txs().stream().map(HashedTx::hash).toList().equals(proposal.orderedTxHashes())) {
      return Effect().persist(new BlockRolledBack(proposal.blockNumber(),
          "the proposal's txs are no longer all pending after a restart")).thenRun(s -> resumeMissedTick()).thenNoReply();
    }
    build(proposal.globals(), fetched.txs());
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onCandidate(State state, BlockCandidate candidate) {
    L2Block block = candidate.built().block();
    if (state.phase() != SlotPhase.BUILDING || state.block().isPresent() || block.number() != state.lastBlockNumber() + 1) {
      return Effect().noReply();
    }
    candidate.built().skipped().forEach(s -> {
      context.getLog().warn("tx {} left out of block {}: {}", s.txHash(), block.number(), s.reason());
      // the trees' refusal is final (a nullifier or leaf already there): the tx can never be included
      peers.mempool().tell(new Mempool.Evict(block.number(), List.of(s.txHash()), s.reason()));
    });
    if (block.txEffects().isEmpty() && !settings.buildEmptyBlocks()) {
      return Effect().persist(new BlockRolledBack(block.number(), "every selected tx was refused by the trees"))
          .thenRun(s -> resumeMissedTick()).thenNoReply();
    }
    return Effect().persist(new BlockBuilt(block.number(), block)).thenRun(s -> apply(block)).thenNoReply();
  }

  private void apply(L2Block block) {
    ActorRef<WorldState.Applied> adapter =
        context.messageAdapter(WorldState.Applied.class, applied -> new BlockApplied(applied.blockNumber()));
    peers.worldState().tell(new WorldState.ApplyBlock(block, adapter));
  }

  private ReplyEffect<Event, State> onApplied(State state, BlockApplied applied) {
    L2Block block = state.block().filter(b -> b.number() == applied.blockNumber()).orElse(null);
    if (block == null || state.phase() != SlotPhase.BUILDING) {
      return Effect().noReply();
    }
    peers.index().add(block);
    peers.mempool().tell(new Mempool.MarkIncluded(block.number(), block.txHashes(), context.getSystem().ignoreRef()));
    return Effect().persist(new BlockProofRequested(block.number())).thenRun(s -> prove(block)).thenNoReply();
  }

  private void prove(L2Block block) {
    ActorRef<ProverCoordinator.Outcome> adapter = context.messageAdapter(ProverCoordinator.Outcome.class, ProofDone::new);
    peers.prover().tell(new ProverCoordinator.ProveBlock(block,
        block.number() > 1 ? peers.index().block(block.number() - 1).map(L2Block::header) : Optional.empty(), adapter));
  }

  private ReplyEffect<Event, State> onProofDone(State state, ProofDone done) {
    boolean reproving = state.phase() == SlotPhase.PUBLISHING && peers.publisher().checksProofs();
    if ((state.phase() != SlotPhase.PROVING && !reproving) || done.outcome().blockNumber() != state.lastBlockNumber()) {
      return Effect().noReply();
    }
    if (done.outcome() instanceof ProverCoordinator.Failed failed) {
      // the built block does not re-apply to the roots it claims: the trees and the journal disagree
      throw new IllegalStateException("block " + failed.blockNumber() + " does not re-apply to its roots: " + failed.reason());
    }
    L2Block block = state.block().orElseThrow();
    String unproven = switch (done.outcome()) {
      case ProverCoordinator.NotProving n -> "proving is off (obsidian.prover.enabled = false)";
      case ProverCoordinator.Unproven u -> u.reason();
      default -> null;
    };
    if (unproven != null && peers.publisher().checksProofs()) {
      // L1 accepts no block without its proofs: the chain waits for this one (a worker may join, a fault pass)
      context.getLog().error("block {} could not be proven ({}); L1 checks proofs, so it is proven again in {}",
          block.number(), unproven, PROVING_RETRY);
      context.scheduleOnce(PROVING_RETRY, context.getSelf(), new RetryProving(block.number()));
      return Effect().noReply();
    }
    if (unproven != null) {
      return Effect().persist(new BlockLeftUnproven(block.number(), unproven)).thenRun(s -> publish(block, List.of()))
          .thenNoReply();
    }
    List<BlockProofs.AcceptedProof> proofs = ((ProverCoordinator.Proven) done.outcome()).proofs();
    if (reproving) {
      publish(block, proofs);
      return Effect().noReply();
    }
    if (peers.publisher().checksProofs()) {
      return Effect().persist(new BlockProofsAccepted(block.number())).thenRun(s -> publish(block, proofs))
          .thenNoReply();
    }
    return Effect().persist(new BlockProven(block.number())).thenRun(s -> {
      if (s.provenBlockNumber() == block.number()) {
        peers.index().markProven(block.number()); // no L1 checks the proofs: this node's verifier is the judge
      }
      publish(block, proofs);
    }).thenNoReply();
  }

  private ReplyEffect<Event, State> onRetryProving(State state, RetryProving retry) {
    if (state.lastBlockNumber() == retry.blockNumber() && state.block().isPresent()
        && (state.phase() == SlotPhase.PROVING || state.phase() == SlotPhase.PUBLISHING)) {
      prove(state.block().get());
    }
    return Effect().noReply();
  }

  /** Hands the block to the publisher with its accepted proofs (empty when unproven). */
  private void publish(L2Block block, List<BlockProofs.AcceptedProof> proofs) {
    context.pipeToSelf(peers.publisher().publish(block, proofs), (outcome, failure) -> new PublishDone(block.number(),
        outcome != null ? outcome : new L1Publisher.NotPublished("publisher failed: " + failure)));
  }

  private ReplyEffect<Event, State> onPublishDone(State state, PublishDone done) {
    if (state.phase() != SlotPhase.PUBLISHING || done.blockNumber() != state.lastBlockNumber()) {
      return Effect().noReply();
    }
    Event event = switch (done.outcome()) {
      case L1Publisher.Published p -> new BlockPublished(done.blockNumber(), p.l1TxHash());
      case L1Publisher.NotPublished n -> new BlockLeftUnpublished(done.blockNumber(), n.reason());
      case L1Publisher.Queued q -> new BlockHandedToL1Publisher(done.blockNumber());
    };
    return Effect().persist(event).thenRun(s -> {
      if (event instanceof BlockPublished p) {
        peers.index().markPublished(p.blockNumber());
      }
      resumeMissedTick();
    }).thenNoReply();
  }

  /** Journals the published height when it changed, so the node learns it even when publishing lands late. */
  private ReplyEffect<Event, State> onPublishedHeight(State state, L1PublishedHeight reported) {
    L1Publisher.PublishedHeight height = reported.height();
    if (height.blockNumber() == peers.index().publishedBlockNumber()) {
      return Effect().noReply();
    }
    List<Event> events = new java.util.ArrayList<>();
    events.add(new BlockPublished(height.blockNumber(), height.l1TxHash()));
    if (peers.publisher().checksProofs()) {
      // the Rollup checked each published block's proofs in its proposal: they are proven, in order
      for (long n = state.provenBlockNumber() + 1; n <= Math.min(height.blockNumber(), state.lastBlockNumber()); n++) {
        events.add(new BlockProven(n));
      }
    }
    return Effect().persist(events)
        .thenRun(s -> {
          peers.index().markPublished(height.blockNumber());
          if (peers.publisher().checksProofs()) {
            peers.index().markProven(s.provenBlockNumber());
          }
          if (s.phase() == SlotPhase.IDLE) {
            resumeMissedTick();
          }
        }).thenNoReply();
  }

  private void resumeMissedTick() {
    if (tickMissed) {
      tickMissed = false;
      context.getSelf().tell(Tick.INSTANCE);
    }
  }

  // ---- chain rollback (L1 no longer accepts the chain above a block) ----------------------------------------------

  private ReplyEffect<Event, State> onRollBack(State state, RollBack command) {
    if (state.rollback().isPresent()) {
      return Effect().noReply(); // one at a time: a later notice is checked again once this one is done
    }
    long top = Math.max(state.lastBlockNumber(), peers.index().latestBlockNumber());
    if (command.toBlock() >= top) {
      return Effect().noReply();
    }
    Optional<L2Block> firstDropped = peers.index().block(command.toBlock() + 1);
    if (firstDropped.isEmpty() || !firstDropped.get().archive().root().equals(command.firstDroppedArchive())) {
      context.getLog().info("ignoring a rollback to block {}: block {} of this chain is not the one L1 refused",
          command.toBlock(), command.toBlock() + 1);
      return Effect().noReply();
    }
    collecting = false;
    List<TxHash> dropped = new java.util.ArrayList<>();
    for (long n = command.toBlock() + 1; n <= peers.index().latestBlockNumber(); n++) {
      peers.index().block(n).ifPresent(b -> dropped.addAll(b.txHashes()));
    }
    ChainRolledBack event = new ChainRolledBack(top, command.toBlock(), command.reason(), List.copyOf(dropped));
    context.getLog().warn("rolling the chain back from block {} to block {}: {}", top, command.toBlock(),
        command.reason());
    return Effect().persist(event).thenRun(s -> rollBack(event)).thenNoReply();
  }

  /**
   * The side effects of a journaled rollback, each idempotent (re-driven from {@link RecoveryCompleted}): forget the
   * dropped blocks in the index, unwind the trees, then restore the dropped blocks' txs to the mempool.
   */
  private void rollBack(ChainRolledBack rollback) {
    long to = rollback.toBlock();
    peers.index().truncateAfter(to);
    if (peers.index().publishedBlockNumber() > to) {
      peers.index().markPublished(to);
    }
    context.askWithStatus(Long.class, peers.worldState(), Duration.ofMinutes(5),
        replyTo -> new WorldState.Unwind(to, replyTo),
        (latest, failure) -> new RollbackUnwound(to, failure == null ? null : failure.getMessage()));
  }

  private ReplyEffect<Event, State> onRollbackUnwound(State state, RollbackUnwound unwound) {
    ChainRolledBack rollback = state.rollback().filter(r -> r.toBlock() == unwound.toBlock()).orElse(null);
    if (rollback == null) {
      return Effect().noReply();
    }
    if (unwound.error() != null) {
      // the store no longer holds the target block's state (history pruned): the node cannot continue safely
      throw new IllegalStateException("cannot roll the world state back to block " + unwound.toBlock() + ": "
          + unwound.error());
    }
    // the dropped blocks' txs, in chain order, minus any the kept chain holds
    List<TxHash> restore = rollback.droppedTxHashes().stream().filter(h -> peers.index().txEffect(h).isEmpty()).toList();
    long to = rollback.toBlock();
    if (restore.isEmpty()) {
      context.getSelf().tell(new RollbackRestored(to, null));
      return Effect().noReply();
    }
    context.pipeToSelf(peers.txArchive().find(restore).toCompletableFuture().thenCompose(txs -> {
      if (txs.isEmpty()) {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
      }
      return org.apache.pekko.actor.typed.javadsl.AskPattern.<Mempool.Command, org.apache.pekko.Done>ask(
          peers.mempool(), replyTo -> new Mempool.Restore(to + 1, txs, replyTo), Duration.ofSeconds(30),
          context.getSystem().scheduler()).toCompletableFuture();
    }), (done, failure) -> new RollbackRestored(to, failure == null ? null : failure.toString()));
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onRollbackRestored(State state, RollbackRestored restored) {
    if (state.rollback().filter(r -> r.toBlock() == restored.toBlock()).isEmpty()) {
      return Effect().noReply();
    }
    if (restored.error() != null) {
      // retried: the restore is idempotent (txs already pending are skipped)
      context.getLog().warn("restoring the txs of the rolled-back blocks failed, retrying: {}", restored.error());
      context.scheduleOnce(Duration.ofSeconds(1), context.getSelf(),
          new RollbackUnwound(restored.toBlock(), null));
      return Effect().noReply();
    }
    return Effect().persist(new ChainRollbackCompleted(restored.toBlock())).thenRun(s -> {
      tickMissed = false;
      context.getSelf().tell(Tick.INSTANCE);
    }).thenNoReply();
  }
}
