package dev.obsidian.actors;

import dev.obsidian.actors.TxVerdict.Code;
import dev.obsidian.actors.TxVerdict.Rejected;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.persistence.ObsidianSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * Pending transactions: admits them after edge validation, orders them by priority fee, evicts the cheapest when full
 * and drops expired ones, hands the best to the sequencer and forgets them once included.
 *
 * <p>Validation reads the chain through a {@link ChainView} and the proof through a {@link TxProofVerifier}; their
 * answers are facts of the moment, so the event records the outcome (TxAccepted) and replay never re-validates.
 */
public final class Mempool
    extends EventSourcedBehaviorWithEnforcedReplies<Mempool.Command, Mempool.Event, Mempool.State> {

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("Mempool");
  /** Dropped txs remembered for receipts; the oldest is forgotten first. */
  static final int MAX_REMEMBERED_DROPS = 10_000;

  /**
   * @param maxTxs obsidian.limits.mempool-max-txs
   * @param maxTxBytes obsidian.limits.max-tx-bytes
   * @param minFeesPerGas the least maxFeesPerGas a tx must offer (the block's base fees)
   */
  public record Settings(int maxTxs, long maxTxBytes, long chainId, long rollupVersion, GasFees minFeesPerGas,
      int maxTxsInScreening) {
    public Settings {
      if (maxTxsInScreening < 1) {
        throw new IllegalArgumentException("maxTxsInScreening must be at least 1, got " + maxTxsInScreening);
      }
    }

    /** With {@link #DEFAULT_MAX_TXS_IN_SCREENING}. */
    public Settings(int maxTxs, long maxTxBytes, long chainId, long rollupVersion, GasFees minFeesPerGas) {
      this(maxTxs, maxTxBytes, chainId, rollupVersion, minFeesPerGas, DEFAULT_MAX_TXS_IN_SCREENING);
    }
  }

  /**
   * Submissions hashed and checked at once; more are refused with MEMPOOL_BUSY. At ~4 ms of CPU per tx this is about
   * half a second of work queued on two cores: enough to keep the cores busy, short enough that a client's ask does
   * not time out in the queue.
   */
  public static final int DEFAULT_MAX_TXS_IN_SCREENING = 256;

  /** Dispatcher (this module's reference.conf) that hashes and checks submissions off the actor. */
  static final String SCREENING_DISPATCHER = "obsidian.mempool-screening-dispatcher";

  // ---- commands -------------------------------------------------------------------------------------------------

  public sealed interface Command extends ObsidianSerializable {}

  public record SubmitTx(Tx tx, ActorRef<TxVerdict> replyTo) implements Command {}

  /** Runs the admission checks without admitting. */
  public record CheckTx(Tx tx, ActorRef<TxVerdict> replyTo) implements Command {}

  /** The best {@code maxTxs} txs for block {@code blockNumber} at {@code timestampSeconds}; expired ones are dropped. */
  public record SelectTxs(int maxTxs, long blockNumber, long timestampSeconds, ActorRef<Selection> replyTo) implements Command {}

  /** The selected txs with the hashes the mempool admitted them under (so nobody hashes them again). */
  public record Selection(List<HashedTx> txs) implements ObsidianSerializable {}

  public record MarkIncluded(long blockNumber, List<TxHash> txHashes, ActorRef<Done> replyTo) implements Command {}

  /** Puts txs of a rolled-back block back. */
  public record Restore(long blockNumber, List<Tx> txs, ActorRef<Done> replyTo) implements Command {}

  public record GetTxs(List<TxHash> txHashes, ActorRef<Selection> replyTo) implements Command {}

  public record GetReceipt(TxHash txHash, ActorRef<TxReceipt> replyTo) implements Command {}

  public record GetPendingCount(ActorRef<Integer> replyTo) implements Command {}

  /** Drops txs the trees refused while building a block: they can never be included. */
  public record Evict(long blockNumber, List<TxHash> txHashes, String reason) implements Command {}

  /** A submission after the off-actor checks: {@code tx} with its hash when they passed. Local only. */
  record Screened(HashedTx tx, Optional<Rejected> rejected, boolean admit, ActorRef<TxVerdict> replyTo) implements Command {}

  /** Decides and journals the screened txs queued since the last flush. Local only. */
  enum Flush implements Command { INSTANCE }

  /**
   * Forgets pending txs the committed chain already holds. Sent to itself after recovery: the sequencer tells the
   * mempool about an included block without waiting, so a crash can leave a mined tx journaled as pending.
   */
  record Reconcile() implements Command {}

  // ---- events ---------------------------------------------------------------------------------------------------

  public sealed interface Event extends ObsidianSerializable {}

  public record TxAccepted(TxHash txHash, Tx tx) implements Event {}

  public record TxEvicted(TxHash txHash, String reason) implements Event {}

  public record TxsIncluded(long blockNumber, List<TxHash> txHashes) implements Event {}

  public record TxsRestored(long blockNumber, List<Tx> txs) implements Event {}

  // ---- state ----------------------------------------------------------------------------------------------------

  /** A pending tx and its arrival number (ties in fee go to the earlier one). */
  public record PendingTx(TxHash txHash, Tx tx, long arrival) implements ObsidianSerializable {
    HashedTx hashed() {
      return new HashedTx(txHash, tx);
    }
  }

  public record DroppedTx(String reason, long droppedAt) implements ObsidianSerializable {}

  /**
   * The pending set. It is owned by the actor: the event handler updates its maps in place (see {@link #writable()})
   * and returns a State sharing them (copying three maps per accepted tx made admission O(pending)). Nothing outside the actor sees the
   * maps: replies carry copies, and a snapshot is a deep copy taken in the actor ({@link #snapshotAdapter()}).
   *
   * @param pending by hash
   * @param nullifierOwners every pending nullifier and the tx holding it
   * @param dropped recently dropped txs with their reason
   * @param nextArrival counter of accepted txs, used for priority ties and drop age
   */
  public record State(
      SortedMap<TxHash, PendingTx> pending,
      SortedMap<Fr, TxHash> nullifierOwners,
      SortedMap<TxHash, DroppedTx> dropped,
      long nextArrival) implements ObsidianSerializable {

    /** Highest priority fee first, then earliest arrival, then hash: a total order, so selection is deterministic. */
    static final Comparator<PendingTx> PRIORITY = Comparator
        .comparing((PendingTx p) -> p.tx().gasSettings().maxPriorityFeesPerGas()).reversed()
        .thenComparingLong(PendingTx::arrival)
        .thenComparing(PendingTx::txHash);

    /**
     * This state with maps the event handler may update in place: its own if it made them, else private copies. The
     * empty state and a snapshot's maps are read-only, and the empty state is reused when the actor restarts after a
     * journal failure, so they are never written to.
     */
    State writable() {
      return pending instanceof TreeMap && nullifierOwners instanceof TreeMap && dropped instanceof TreeMap
          ? this
          : new State(new TreeMap<>(pending), new TreeMap<>(nullifierOwners), new TreeMap<>(dropped), nextArrival);
    }

    static State empty() {
      return new State(Collections.emptySortedMap(), Collections.emptySortedMap(), Collections.emptySortedMap(), 0);
    }

    /** A copy sharing nothing with this state. */
    State copy() {
      return new State(new TreeMap<>(pending), new TreeMap<>(nullifierOwners), new TreeMap<>(dropped), nextArrival);
    }
  }

  /**
   * The pending txs in {@link State#PRIORITY} order, kept beside the state it indexes (it is derived data, never
   * journaled) and rebuilt when the actor is handed another State (recovery from a snapshot).
   */
  private static final class PriorityIndex {
    private final TreeSet<PendingTx> byPriority = new TreeSet<>(State.PRIORITY);
    private SortedMap<TxHash, PendingTx> indexed;

    TreeSet<PendingTx> of(State state) {
      if (indexed != state.pending()) {
        byPriority.clear();
        byPriority.addAll(state.pending().values());
        indexed = state.pending();
      }
      return byPriority;
    }
  }

  // ---- behaviour ------------------------------------------------------------------------------------------------

  private final Settings settings;
  private final ChainView chain;
  private final TxProofVerifier verifier;
  private final Function<TxEffects, Optional<String>> provable;
  private final ActorContext<Command> context;
  private final Executor screeningExecutor;
  private final PriorityIndex index = new PriorityIndex();
  /** Transient: submissions being screened off the actor; bounded by {@link Settings#maxTxsInScreening()}. */
  private int screening;
  /**
   * Transient: screened txs waiting for the next {@link Flush}. Lost on a restart, which is right: nothing was
   * journaled or answered for them (their senders' asks time out).
   */
  private final List<Screened> ready = new ArrayList<>();

  /**
   * @param provable with proving on, why a tx's effects could never be proven ({@link BlockProver#cannotProveTx});
   *     such txs are refused {@code NOT_PROVABLE}
   */
  public static Behavior<Command> create(Settings settings, ChainView chain, TxProofVerifier verifier,
      Function<TxEffects, Optional<String>> provable) {
    return create(PERSISTENCE_ID, settings, chain, verifier, provable);
  }

  static Behavior<Command> create(PersistenceId id, Settings settings, ChainView chain, TxProofVerifier verifier) {
    return create(id, settings, chain, verifier, effects -> Optional.empty());
  }

  static Behavior<Command> create(PersistenceId id, Settings settings, ChainView chain, TxProofVerifier verifier,
      Function<TxEffects, Optional<String>> provable) {
    return Behaviors.setup(context -> new Mempool(id, settings, chain, verifier, provable, context));
  }

  private Mempool(PersistenceId id, Settings settings, ChainView chain, TxProofVerifier verifier,
      Function<TxEffects, Optional<String>> provable, ActorContext<Command> context) {
    super(id, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.settings = settings;
    this.chain = chain;
    this.verifier = verifier;
    this.provable = provable;
    this.context = context;
    this.screeningExecutor = context.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(SCREENING_DISPATCHER));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> {
      // after a restart (journal failure) the messages these counted may have been dropped with the stash
      screening = 0;
      ready.clear();
      if (!state.pending().isEmpty()) {
        context.getSelf().tell(new Reconcile());
      }
    }).build();
  }

  @Override
  public State emptyState() {
    return State.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(1_000, 2);
  }

  /** The snapshot store serializes on its own thread: it gets a copy the event handler will not touch. */
  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(State state) {
        return state.copy();
      }

      @Override
      public State fromJournal(Object from) {
        return (State) from;
      }
    };
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(SubmitTx.class, (state, c) -> screen(state, c.tx(), true, c.replyTo()))
        .onCommand(CheckTx.class, (state, c) -> screen(state, c.tx(), false, c.replyTo()))
        .onCommand(Screened.class, this::onScreened)
        .onCommand(Flush.class, (state, c) -> onFlush(state))
        .onCommand(SelectTxs.class, this::onSelect)
        .onCommand(MarkIncluded.class, this::onMarkIncluded)
        .onCommand(Restore.class, this::onRestore)
        .onCommand(Evict.class, this::onEvict)
        .onCommand(Reconcile.class, (state, c) -> {
          List<Event> included = asEvents(includedByBlock(state));
          return included.isEmpty() ? Effect().noReply() : Effect().persist(included).thenNoReply();
        })
        .onCommand(GetTxs.class, (state, c) -> Effect().reply(c.replyTo(), new Selection(c.txHashes().stream()
            .map(state.pending()::get).filter(p -> p != null).map(PendingTx::hashed).toList())))
        .onCommand(GetReceipt.class, (state, c) -> Effect().reply(c.replyTo(), receipt(state, c.txHash())))
        .onCommand(GetPendingCount.class, (state, c) -> Effect().reply(c.replyTo(), state.pending().size()))
        .build();
  }

  /**
   * Runs the checks that need no pending-set state, and the tx hash, on the screening dispatcher (the hash alone is a
   * Poseidon2 sponge over ~1,300 fields: done in the actor it capped admission at one core). The pending-set checks
   * follow in the actor ({@link #onScreened}).
   */
  private ReplyEffect<Event, State> screen(State state, Tx tx, boolean admit, ActorRef<TxVerdict> replyTo) {
    Optional<Rejected> full = admit ? cannotBeatTheCheapest(state, tx) : Optional.empty();
    if (full.isPresent()) {
      return Effect().reply(replyTo, full.get());
    }
    if (screening >= settings.maxTxsInScreening()) {
      return Effect().reply(replyTo, new Rejected(Code.MEMPOOL_BUSY, "tx", "the node is already hashing and checking "
          + screening + " submitted txs, its limit (Mempool.Settings.maxTxsInScreening); retry later"));
    }
    screening++;
    CompletableFuture<Screened> screened = CompletableFuture.supplyAsync(() -> {
      Optional<Rejected> rejected = TxAdmission.check(tx, settings, chain, verifier, provable);
      return new Screened(rejected.isEmpty() ? HashedTx.of(tx) : null, rejected, admit, replyTo);
    }, screeningExecutor);
    context.pipeToSelf(screened, (result, failure) -> result != null ? result : new Screened(null,
        Optional.of(new Rejected(Code.MALFORMED, "tx", "screening failed: " + failure)), admit, replyTo));
    return Effect().noReply();
  }

  /**
   * A full mempool refuses a tx that does not beat its cheapest before hashing it: under overload most submissions
   * are refused, and hashing them first spent the CPU the blocks needed. Re-checked after screening
   * ({@link AdmissionBatch}), as the pool may have changed meanwhile.
   */
  private Optional<Rejected> cannotBeatTheCheapest(State state, Tx tx) {
    if (state.pending().size() < settings.maxTxs()) {
      return Optional.empty();
    }
    PendingTx cheapest = index.of(state).last();
    return tx.gasSettings().maxPriorityFeesPerGas().compareTo(cheapest.tx().gasSettings().maxPriorityFeesPerGas()) > 0
        ? Optional.empty()
        : Optional.of(AdmissionBatch.mempoolFull(settings.maxTxs()));
  }

  /** Queues a screened tx for the next {@link Flush}: those screened while a write is under way go in one write. */
  private ReplyEffect<Event, State> onScreened(State state, Screened screened) {
    screening = Math.max(0, screening - 1);
    if (screened.rejected().isPresent()) {
      return Effect().reply(screened.replyTo(), screened.rejected().get());
    }
    ready.add(screened);
    if (ready.size() == 1) {
      context.getSelf().tell(Flush.INSTANCE);
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onFlush(State state) {
    AdmissionBatch batch = new AdmissionBatch(state, index.of(state), settings.maxTxs());
    ready.forEach(batch::decide);
    ready.clear();
    Runnable reply = () -> batch.replies().forEach(r -> r.screened().replyTo().tell(r.verdict()));
    if (batch.events().isEmpty()) {
      reply.run();
      return Effect().noReply();
    }
    return Effect().persist(batch.events()).thenRun(s -> reply.run()).thenNoReply();
  }

  private ReplyEffect<Event, State> onSelect(State state, SelectTxs command) {
    SortedMap<Long, List<TxHash>> included = includedByBlock(state);
    Set<TxHash> onChain = new HashSet<>();
    included.values().forEach(onChain::addAll);
    List<Event> removed = new ArrayList<>();
    List<HashedTx> selected = new ArrayList<>();
    for (PendingTx p : index.of(state)) {
      if (onChain.contains(p.txHash())) {
        continue;
      }
      if (p.tx().expiration().isExpiredAt(command.blockNumber(), command.timestampSeconds())) {
        removed.add(new TxEvicted(p.txHash(), "expired before block " + command.blockNumber() + " at timestamp "
            + command.timestampSeconds()));
      } else if (selected.size() < command.maxTxs()) {
        selected.add(p.hashed());
      }
    }
    removed.addAll(asEvents(included));
    Selection selection = new Selection(selected);
    return removed.isEmpty()
        ? Effect().reply(command.replyTo(), selection)
        : Effect().persist(removed).thenReply(command.replyTo(), s -> selection);
  }

  /** The pending txs the chain already holds, by including block, each list in hash order. */
  private SortedMap<Long, List<TxHash>> includedByBlock(State state) {
    SortedMap<Long, List<TxHash>> byBlock = new TreeMap<>();
    if (state.pending().isEmpty()) {
      return byBlock;
    }
    Map<TxHash, Long> included = chain.inclusionBlocks(state.pending().keySet());
    for (TxHash hash : state.pending().keySet()) {   // hash order, whatever the map's
      Long block = included.get(hash);
      if (block != null) {
        byBlock.computeIfAbsent(block, b -> new ArrayList<>()).add(hash);
      }
    }
    return byBlock;
  }

  /** One TxsIncluded per block, in block order. */
  private static List<Event> asEvents(SortedMap<Long, List<TxHash>> includedByBlock) {
    List<Event> events = new ArrayList<>(includedByBlock.size());
    includedByBlock.forEach((block, hashes) -> events.add(new TxsIncluded(block, hashes)));
    return events;
  }

  private ReplyEffect<Event, State> onEvict(State state, Evict command) {
    List<Event> evicted = command.txHashes().stream().filter(state.pending()::containsKey)
        .<Event>map(hash -> new TxEvicted(hash, "refused while building block " + command.blockNumber() + ": "
            + command.reason()))
        .toList();
    return evicted.isEmpty() ? Effect().noReply() : Effect().persist(evicted).thenNoReply();
  }

  private ReplyEffect<Event, State> onMarkIncluded(State state, MarkIncluded command) {
    boolean anyPending = command.txHashes().stream().anyMatch(state.pending()::containsKey);
    return anyPending
        ? Effect().persist(new TxsIncluded(command.blockNumber(), command.txHashes())).thenReply(command.replyTo(), s -> Done.getInstance())
        : Effect().reply(command.replyTo(), Done.getInstance());
  }

  /**
   * Journals the txs of rolled-back blocks that can be pending again: not pending already, no nullifier another
   * pending tx (or an earlier one of the same restore) claims. The trees check them again when a block is built.
   */
  private ReplyEffect<Event, State> onRestore(State state, Restore command) {
    List<Tx> restorable = new ArrayList<>();
    Set<Fr> claimed = new HashSet<>();
    for (Tx tx : command.txs()) {
      TxHash hash = tx.hash();
      if (state.pending().containsKey(hash)) {
        continue;
      }
      List<Fr> nullifiers = tx.effects().nullifiers();
      boolean conflict = nullifiers.stream().anyMatch(n -> claimed.contains(n)
          || state.nullifierOwners().containsKey(n) && !state.nullifierOwners().get(n).equals(hash));
      if (conflict) {
        context.getLog().warn("tx {} of rolled-back block {} is not restored: a pending tx spends one of its"
            + " nullifiers", hash, command.blockNumber());
        continue;
      }
      claimed.addAll(nullifiers);
      restorable.add(tx);
    }
    return restorable.isEmpty()
        ? Effect().reply(command.replyTo(), Done.getInstance())
        : Effect().persist(new TxsRestored(command.blockNumber(), List.copyOf(restorable)))
            .thenReply(command.replyTo(), s -> Done.getInstance());
  }

  private static TxReceipt receipt(State state, TxHash hash) {
    if (state.pending().containsKey(hash)) {
      return TxReceipt.pending(hash);
    }
    DroppedTx dropped = state.dropped().get(hash);
    return dropped != null ? TxReceipt.dropped(hash, dropped.reason()) : TxReceipt.unknown(hash);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(TxAccepted.class, (state, e) -> accept(state, e.txHash(), e.tx()))
        .onEvent(TxEvicted.class, (state, e) -> remove(state, List.of(e.txHash()), Optional.of(e.reason())))
        .onEvent(TxsIncluded.class, (state, e) -> remove(state, e.txHashes(), Optional.empty()))
        .onEvent(TxsRestored.class, (state, e) -> restore(state, e.txs()))
        .build();
  }

  private State accept(State current, TxHash hash, Tx tx) {
    State state = current.writable();
    TreeSet<PendingTx> byPriority = index.of(state);
    PendingTx pending = new PendingTx(hash, tx, state.nextArrival());
    PendingTx replaced = state.pending().put(hash, pending);
    if (replaced != null) {
      byPriority.remove(replaced);
    }
    byPriority.add(pending);
    tx.effects().nullifiers().forEach(n -> state.nullifierOwners().put(n, hash));
    state.dropped().remove(hash);
    return new State(state.pending(), state.nullifierOwners(), state.dropped(), state.nextArrival() + 1);
  }

  private State remove(State current, List<TxHash> hashes, Optional<String> dropReason) {
    State state = current.writable();
    TreeSet<PendingTx> byPriority = index.of(state);
    for (TxHash hash : hashes) {
      PendingTx removed = state.pending().remove(hash);
      if (removed != null) {
        byPriority.remove(removed);
        removed.tx().effects().nullifiers().forEach(state.nullifierOwners()::remove);
        dropReason.ifPresent(reason -> state.dropped().put(hash, new DroppedTx(reason, state.nextArrival())));
      }
    }
    while (state.dropped().size() > MAX_REMEMBERED_DROPS) {
      TxHash oldest = state.dropped().entrySet().stream()
          .min(Comparator.comparingLong((Map.Entry<TxHash, DroppedTx> e) -> e.getValue().droppedAt())
              .thenComparing(Map.Entry::getKey))
          .orElseThrow().getKey();
      state.dropped().remove(oldest);
    }
    return state;
  }

  private State restore(State state, List<Tx> txs) {
    State next = state;
    for (Tx tx : txs) {
      TxHash hash = tx.hash();
      if (!next.pending().containsKey(hash)) {
        next = accept(next, hash, tx);
      }
    }
    return next;
  }
}
