package dev.obsidian.persistence;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByPersistenceIdQuery;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The events of one persistent entity, in order, as a projection source whose offset is the event's sequence number.
 * Unlike events-by-tag it needs no tags on the events (journals written before a tag existed project too) and its
 * order is the entity's own, on every journal; a projection resumes after the stored sequence number.
 */
public final class PersistenceIdSourceProvider extends SourceProvider<Long, EventEnvelope> {
  private final EventsByPersistenceIdQuery query;
  private final String persistenceId;

  public PersistenceIdSourceProvider(ActorSystem<?> system, String readJournalPluginId, String persistenceId) {
    this.query = PersistenceQuery.get(system).getReadJournalFor(EventsByPersistenceIdQuery.class, readJournalPluginId);
    this.persistenceId = persistenceId;
  }

  @Override
  public CompletionStage<Source<EventEnvelope, NotUsed>> source(Supplier<CompletionStage<Optional<Long>>> offset) {
    return offset.get().thenApply(stored -> query.eventsByPersistenceId(persistenceId, stored.orElse(0L) + 1, Long.MAX_VALUE));
  }

  @Override
  public Long extractOffset(EventEnvelope envelope) {
    return envelope.sequenceNr();
  }

  @Override
  public long extractCreationTime(EventEnvelope envelope) {
    return envelope.timestamp();
  }

}
