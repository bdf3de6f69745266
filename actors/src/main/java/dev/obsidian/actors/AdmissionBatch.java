package dev.obsidian.actors;

import dev.obsidian.actors.Mempool.PendingTx;
import dev.obsidian.actors.Mempool.State;
import dev.obsidian.actors.TxVerdict.Code;
import dev.obsidian.actors.TxVerdict.Rejected;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, in arrival order, the screened txs that queued up while the mempool was writing to the journal, as if they
 * had been submitted one after the other, so that they are journaled in one write (each write is an H2 commit, and the
 * actor waits for it: one write per tx capped admission at the journal's latency).
 *
 * <p>A tx evicted within the batch still holds its nullifiers for the rest of the batch (a later tx reusing one is
 * refused as a double spend): conservative, never admits a double spend.
 */
final class AdmissionBatch {
  /** A verdict to send once the batch's events are journaled. */
  record Reply(Mempool.Screened screened, TxVerdict verdict) {}

  private final State state;
  private final NavigableSet<PendingTx> pendingByPriority;
  private final int maxTxs;
  private final List<Mempool.Event> events = new ArrayList<>();
  private final List<Reply> replies = new ArrayList<>();
  private final TreeSet<PendingTx> accepted = new TreeSet<>(State.PRIORITY);
  private final Map<Fr, TxHash> nullifierOwners = new HashMap<>();
  private final Set<TxHash> evictedPending = new HashSet<>();
  private long nextArrival;

  AdmissionBatch(State state, NavigableSet<PendingTx> pendingByPriority, int maxTxs) {
    this.state = state;
    this.pendingByPriority = pendingByPriority;
    this.maxTxs = maxTxs;
    this.nextArrival = state.nextArrival();
  }

  static Rejected mempoolFull(int maxTxs) {
    return new Rejected(Code.MEMPOOL_FULL, "gasSettings.maxPriorityFeesPerGas", "the mempool holds " + maxTxs
        + " txs (mempool-max-txs) and this tx's priority fee does not beat the cheapest");
  }

  List<Mempool.Event> events() {
    return events;
  }

  List<Reply> replies() {
    return replies;
  }

  void decide(Mempool.Screened screened) {
    HashedTx tx = screened.tx();
    TxVerdict verdict = pendingSetVerdict(tx);
    if (verdict instanceof Rejected || !screened.admit()) {
      replies.add(new Reply(screened, verdict));
      return;
    }
    if (size() >= maxTxs) {
      PendingTx cheapest = cheapest();
      if (tx.tx().gasSettings().maxPriorityFeesPerGas().compareTo(cheapest.tx().gasSettings().maxPriorityFeesPerGas()) <= 0) {
        replies.add(new Reply(screened, mempoolFull(maxTxs)));
        return;
      }
      evict(cheapest);
    }
    PendingTx pending = new PendingTx(tx.hash(), tx.tx(), nextArrival++);
    accepted.add(pending);
    tx.tx().effects().nullifiers().forEach(n -> nullifierOwners.put(n, tx.hash()));
    events.add(new Mempool.TxAccepted(tx.hash(), tx.tx()));
    replies.add(new Reply(screened, verdict));
  }

  private int size() {
    return state.pending().size() - evictedPending.size() + accepted.size();
  }

  /** The lowest priority among the pending txs not evicted yet and those accepted in this batch. */
  private PendingTx cheapest() {
    PendingTx fromPending = null;
    for (Iterator<PendingTx> it = pendingByPriority.descendingIterator(); it.hasNext(); ) {
      PendingTx candidate = it.next();
      if (!evictedPending.contains(candidate.txHash())) {
        fromPending = candidate;
        break;
      }
    }
    if (accepted.isEmpty()) {
      return fromPending;
    }
    PendingTx fromBatch = accepted.last();
    return fromPending == null || State.PRIORITY.compare(fromBatch, fromPending) > 0 ? fromBatch : fromPending;
  }

  private void evict(PendingTx cheapest) {
    if (!accepted.remove(cheapest)) {
      evictedPending.add(cheapest.txHash());
    }
    events.add(new Mempool.TxEvicted(cheapest.txHash(), "evicted by a higher-fee tx while the mempool was full"));
  }

  /** Not pending already, no nullifier taken by a pending tx or one accepted earlier in the batch. */
  private TxVerdict pendingSetVerdict(HashedTx tx) {
    TxHash hash = tx.hash();
    if (state.pending().containsKey(hash) || accepted.stream().anyMatch(p -> p.txHash().equals(hash))) {
      return new Rejected(Code.DUPLICATE_TX, "tx", "tx " + hash + " is already pending");
    }
    List<Fr> nullifiers = tx.tx().effects().nullifiers();
    for (int i = 0; i < nullifiers.size(); i++) {
      TxHash owner = state.nullifierOwners().get(nullifiers.get(i));
      if (owner == null) {
        owner = nullifierOwners.get(nullifiers.get(i));
      }
      if (owner != null) {
        return new Rejected(Code.DOUBLE_SPEND, "effects.nullifiers[" + i + "]",
            "nullifier " + nullifiers.get(i) + " is already spent by pending tx " + owner);
      }
    }
    return new TxVerdict.Accepted(hash);
  }
}
