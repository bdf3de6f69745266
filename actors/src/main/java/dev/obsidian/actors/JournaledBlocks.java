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
 * Reads the sequencer's journal before the actors start, from a sequence number on (1: all of it; after a
 * {@link ChainReadModel}'s offset: only what it has not projected): the built blocks in order (the source of truth
 * the trees and the block index are rebuilt from), the proven height, and the first sequence number read.
 */
/**
 * @param firstSequenceNr the first sequence number read (-1 when nothing was)
 * @param events how many events were read
 * @param lowestRollback the lowest target of a chain rollback among the events read, {@code Long.MAX_VALUE} if none
 */
record JournaledBlocks(List<L2Block> blocks, long provenBlockNumber, long firstSequenceNr, int events,
    long lowestRollback) {
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

  static JournaledBlocks read(ActorSystem<?> system, String readJournalPluginId) throws Exception {
    return read(system, readJournalPluginId, 1, 0);
  }

  /**
   * @param provenBefore the proven height before {@code fromSequenceNr} (the read model's): the proven chain read
   *     here extends it, one block at a time
   */
  static JournaledBlocks read(ActorSystem<?> system, String readJournalPluginId, long fromSequenceNr,
      long provenBefore) throws Exception {
    CurrentEventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalPluginId);
    List<EventEnvelope> envelopes = journal
        .currentEventsByPersistenceId(Sequencer.PERSISTENCE_ID.id(), fromSequenceNr, Long.MAX_VALUE)
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    List<L2Block> blocks = new ArrayList<>();
    long proven = provenBefore;
    long lowestRollback = Long.MAX_VALUE;
    for (EventEnvelope envelope : envelopes) {
      Object event = envelope.event();
      if (event instanceof Sequencer.BlockBuilt built) {
        blocks.add(built.block());
      } else if (event instanceof Sequencer.ChainRolledBack r) {
        // L1 no longer accepted the chain above r.toBlock(): those blocks are not part of it
        blocks.removeIf(block -> block.number() > r.toBlock());
        proven = Math.min(proven, r.toBlock());
        lowestRollback = Math.min(lowestRollback, r.toBlock());
      } else if (event instanceof Sequencer.BlockProven p && p.blockNumber() == proven + 1) {
        proven = p.blockNumber(); // the proven chain is a prefix (as Sequencer.State counts it)
      }
    }
    return new JournaledBlocks(blocks, proven, envelopes.isEmpty() ? -1 : envelopes.get(0).sequenceNr(), envelopes.size(),
        lowestRollback);
  }
}
