package dev.obsidian.actors;

import dev.obsidian.actors.TxVerdict.Code;
import dev.obsidian.actors.TxVerdict.Rejected;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.persistence.ObsidianSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
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
  public record Settings(int maxTxs, long maxTxBytes, long chainId, long rollupVersion, GasFees minFeesPerGas) {}

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

    public static final State EMPTY = new State(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0);

    /** Highest priority fee first, then earliest arrival, then hash: a total order, so selection is deterministic. */
    static final Comparator<PendingTx> PRIORITY = Comparator
        .comparing((PendingTx p) -> p.tx().gasSettings().maxPriorityFeesPerGas()).reversed()
        .thenComparingLong(PendingTx::arrival)
        .thenComparing(PendingTx::txHash);

    List<PendingTx> byPriority() {
      return pending.values().stream().sorted(PRIORITY).toList();
    }

    Optional<PendingTx> cheapest() {
      return pending.values().stream().max(PRIORITY);
    }

    State accept(TxHash hash, Tx tx) {
      TreeMap<TxHash, PendingTx> nextPending = new TreeMap<>(pending);
      nextPending.put(hash, new PendingTx(hash, tx, nextArrival));
      TreeMap<Fr, TxHash> owners = new TreeMap<>(nullifierOwners);
      tx.effects().nullifiers().forEach(n -> owners.put(n, hash));
      TreeMap<TxHash, DroppedTx> drops = new TreeMap<>(dropped);
      drops.remove(hash);
      return new State(nextPending, owners, drops, nextArrival + 1);
    }

    State remove(List<TxHash> hashes, Optional<String> dropReason) {
      TreeMap<TxHash, PendingTx> nextPending = new TreeMap<>(pending);
      TreeMap<Fr, TxHash> owners = new TreeMap<>(nullifierOwners);
      TreeMap<TxHash, DroppedTx> drops = new TreeMap<>(dropped);
      for (TxHash hash : hashes) {
        PendingTx removed = nextPending.remove(hash);
        if (removed != null) {
          removed.tx().effects().nullifiers().forEach(owners::remove);
          dropReason.ifPresent(reason -> drops.put(hash, new DroppedTx(reason, nextArrival)));
        }
      }
      while (drops.size() > MAX_REMEMBERED_DROPS) {
        TxHash oldest = drops.entrySet().stream()
            .min(Comparator.comparingLong((java.util.Map.Entry<TxHash, DroppedTx> e) -> e.getValue().droppedAt())
                .thenComparing(java.util.Map.Entry::getKey))
            .orElseThrow().getKey();
        drops.remove(oldest);
      }
      return new State(nextPending, owners, drops, nextArrival);
    }
  }

  // ---- behaviour ------------------------------------------------------------------------------------------------

  private final Settings settings;
  private final ChainView chain;
  private final TxProofVerifier verifier;

  private final ActorRef<Command> self;

  public static Behavior<Command> create(Settings settings, ChainView chain, TxProofVerifier verifier) {
    return create(PERSISTENCE_ID, settings, chain, verifier);
  }

  static Behavior<Command> create(PersistenceId id, Settings settings, ChainView chain, TxProofVerifier verifier) {
    return Behaviors.setup(context -> new Mempool(id, settings, chain, verifier, context.getSelf()));
  }

  private Mempool(PersistenceId id, Settings settings, ChainView chain, TxProofVerifier verifier, ActorRef<Command> self) {
    super(id, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.settings = settings;
    this.chain = chain;
    this.verifier = verifier;
    this.self = self;
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> {
      if (!state.pending().isEmpty()) {
        self.tell(new Reconcile());
      }
    }).build();
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(1_000, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(SubmitTx.class, this::onSubmit)
        .onCommand(CheckTx.class, (state, c) -> Effect().reply(c.replyTo(), verdict(state, c.tx())))
        .onCommand(SelectTxs.class, this::onSelect)
        .onCommand(MarkIncluded.class, this::onMarkIncluded)
        .onCommand(Restore.class, this::onRestore)
        .onCommand(Evict.class, this::onEvict)
        .onCommand(Reconcile.class, (state, c) -> {
          List<Event> included = alreadyIncluded(state);
          return included.isEmpty() ? Effect().noReply() : Effect().persist(included).thenNoReply();
        })
        .onCommand(GetTxs.class, (state, c) -> Effect().reply(c.replyTo(), new Selection(c.txHashes().stream()
            .map(state.pending()::get).filter(p -> p != null).map(PendingTx::hashed).toList())))
        .onCommand(GetReceipt.class, (state, c) -> Effect().reply(c.replyTo(), receipt(state, c.txHash())))
        .onCommand(GetPendingCount.class, (state, c) -> Effect().reply(c.replyTo(), state.pending().size()))
        .build();
  }

  private ReplyEffect<Event, State> onSubmit(State state, SubmitTx command) {
    TxVerdict verdict = verdict(state, command.tx());
    if (verdict instanceof Rejected) {
      return Effect().reply(command.replyTo(), verdict);
    }
    TxHash hash = ((TxVerdict.Accepted) verdict).txHash();
    List<Event> events = new ArrayList<>(2);
    if (state.pending().size() >= settings.maxTxs()) {
      PendingTx cheapest = state.cheapest().orElseThrow();
      if (command.tx().gasSettings().maxPriorityFeesPerGas().compareTo(cheapest.tx().gasSettings().maxPriorityFeesPerGas()) <= 0) {
        return Effect().reply(command.replyTo(), new Rejected(Code.MEMPOOL_FULL, "gasSettings.maxPriorityFeesPerGas",
            "the mempool holds " + settings.maxTxs() + " txs (mempool-max-txs) and this tx's priority fee does not beat the cheapest"));
      }
      events.add(new TxEvicted(cheapest.txHash(), "evicted by a higher-fee tx while the mempool was full"));
    }
    events.add(new TxAccepted(hash, command.tx()));
    return Effect().persist(events).thenReply(command.replyTo(), s -> verdict);
  }

  private ReplyEffect<Event, State> onSelect(State state, SelectTxs command) {
    List<Event> removed = new ArrayList<>();
    List<HashedTx> selected = new ArrayList<>();
    for (PendingTx p : state.byPriority()) {
      if (p.tx().expiration().isExpiredAt(command.blockNumber(), command.timestampSeconds())) {
        removed.add(new TxEvicted(p.txHash(), "expired before block " + command.blockNumber() + " at timestamp "
            + command.timestampSeconds()));
      } else if (selected.size() < command.maxTxs() && chain.inclusionBlock(p.txHash()).isEmpty()) {
        selected.add(p.hashed());
      }
    }
    List<Event> included = alreadyIncluded(state);
    removed.addAll(included);
    Selection selection = new Selection(selected);
    return removed.isEmpty()
        ? Effect().reply(command.replyTo(), selection)
        : Effect().persist(removed).thenReply(command.replyTo(), s -> selection);
  }

  /** One TxsIncluded per block for the pending txs the chain already holds, in block then hash order. */
  private List<Event> alreadyIncluded(State state) {
    SortedMap<Long, List<TxHash>> byBlock = new TreeMap<>();
    for (TxHash hash : state.pending().keySet()) {
      chain.inclusionBlock(hash).ifPresent(block -> byBlock.computeIfAbsent(block, b -> new ArrayList<>()).add(hash));
    }
    List<Event> events = new ArrayList<>(byBlock.size());
    byBlock.forEach((block, hashes) -> events.add(new TxsIncluded(block, hashes)));
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

  private ReplyEffect<Event, State> onRestore(State state, Restore command) {
    return command.txs().isEmpty()
        ? Effect().reply(command.replyTo(), Done.getInstance())
        : Effect().persist(new TxsRestored(command.blockNumber(), command.txs())).thenReply(command.replyTo(), s -> Done.getInstance());
  }

  private static TxReceipt receipt(State state, TxHash hash) {
    if (state.pending().containsKey(hash)) {
      return TxReceipt.pending(hash);
    }
    DroppedTx dropped = state.dropped().get(hash);
    return dropped != null ? TxReceipt.dropped(hash, dropped.reason()) : TxReceipt.unknown(hash);
  }

  /** Edge validation: stateless checks first, then the chain, then the pending set. */
  TxVerdict verdict(State state, Tx tx) {
    Optional<Rejected> rejected = TxAdmission.check(tx, settings, chain, verifier);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    TxHash hash = tx.hash();
    if (state.pending().containsKey(hash)) {
      return new Rejected(Code.DUPLICATE_TX, "tx", "tx " + hash + " is already pending");
    }
    List<Fr> nullifiers = tx.effects().nullifiers();
    for (int i = 0; i < nullifiers.size(); i++) {
      TxHash owner = state.nullifierOwners().get(nullifiers.get(i));
      if (owner != null) {
        return new Rejected(Code.DOUBLE_SPEND, "effects.nullifiers[" + i + "]",
            "nullifier " + nullifiers.get(i) + " is already spent by pending tx " + owner);
      }
    }
    return new TxVerdict.Accepted(hash);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(TxAccepted.class, (state, e) -> state.accept(e.txHash(), e.tx()))
        .onEvent(TxEvicted.class, (state, e) -> state.remove(List.of(e.txHash()), Optional.of(e.reason())))
        .onEvent(TxsIncluded.class, (state, e) -> state.remove(e.txHashes(), Optional.empty()))
        .onEvent(TxsRestored.class, (state, e) -> restore(state, e.txs()))
        .build();
  }

  private static State restore(State state, List<Tx> txs) {
    State next = state;
    for (Tx tx : txs) {
      TxHash hash = tx.hash();
      if (!next.pending().containsKey(hash)) {
        next = next.accept(hash, tx);
      }
    }
    return next;
  }
}
