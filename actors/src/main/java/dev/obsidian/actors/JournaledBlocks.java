package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads the sequencer's journal before the actors start: the built blocks in order (the source of truth the trees and
 * the block index are rebuilt from) and the proven height.
 */
/** @param lowestRollback the lowest target of a chain rollback in the journal, {@code Long.MAX_VALUE} if none */
record JournaledBlocks(List<L2Block> blocks, long provenBlockNumber, long lowestRollback) {
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

  static JournaledBlocks read(ActorSystem<?> system, String readJournalPluginId) throws Exception {
    CurrentEventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalPluginId);
    List<EventEnvelope> envelopes = journal
        .currentEventsByPersistenceId(Sequencer.PERSISTENCE_ID.id(), 0, Long.MAX_VALUE)
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    List<L2Block> blocks = new ArrayList<>();
    long proven = 0;
    long lowestRollback = Long.MAX_VALUE;
    for (EventEnvelope envelope : envelopes) {
      Object event = envelope.event();
      if (event instanceof Sequencer.BlockBuilt built) {
        blocks.add(built.block());
      } else if (event instanceof Sequencer.ChainRolledBack r) {
        // L1 no longer accepted the chain above r.toBlock(): those blocks are not part of it
        while (blocks.size() > r.toBlock()) {
          blocks.remove(blocks.size() - 1);
        }
        proven = Math.min(proven, r.toBlock());
        lowestRollback = Math.min(lowestRollback, r.toBlock());
      } else if (event instanceof Sequencer.BlockProven p) {
        proven = Math.max(proven, p.blockNumber());
      }
    }
    return new JournaledBlocks(blocks, proven, lowestRollback);
  }
}
