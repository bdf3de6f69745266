package dev.obsidian.actors;

import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * A {@link TxArchive} over the mempool's journal, read through Pekko's read journal: one pass over the mempool's
 * events per lookup, keeping the {@code TxAccepted} bodies asked for. A rollback is rare (L1 pruned the chain), so a
 * full read is acceptable; it does not block the caller.
 */
public final class JournalTxArchive implements TxArchive {
  private final ActorSystem<?> system;
  private final String readJournalPluginId;

  public JournalTxArchive(ActorSystem<?> system, String readJournalPluginId) {
    this.system = system;
    this.readJournalPluginId = readJournalPluginId;
  }

  @Override
  public CompletionStage<List<Tx>> find(List<TxHash> hashes) {
    Set<TxHash> wanted = new HashSet<>(hashes);
    CurrentEventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalPluginId);
    return journal.currentEventsByPersistenceId(Mempool.PERSISTENCE_ID.id(), 0, Long.MAX_VALUE)
        .map(envelope -> envelope.event())
        .filter(event -> event instanceof Mempool.TxAccepted a && wanted.contains(a.txHash()))
        .map(event -> (Mempool.TxAccepted) event)
        .runWith(Sink.seq(), system)
        .thenApply(accepted -> {
          Map<TxHash, Tx> byHash = new HashMap<>();
          accepted.forEach(a -> byHash.put(a.txHash(), a.tx()));
          List<Tx> found = new ArrayList<>();
          for (TxHash hash : hashes) {
            Tx tx = byHash.get(hash);
            if (tx != null) {
              found.add(tx);
            }
          }
          return found;
        });
  }
}
