package dev.obsidian.actors.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.Mempool;
import dev.obsidian.actors.Sequencer;
import dev.obsidian.persistence.JournalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Test fixture: copies the sequencer's and the mempool's journaled events from a stopped node's data dir into the
 * embedded journal of a new data dir, passing each through an edit, so tests can build a tampered journal (one field
 * changed) and check that replay names the divergence. Snapshots are not copied: the copy recovers from events alone.
 */
public final class JournalRewriter {
  /** Events per atomic write, so a long journal is not one huge transaction. */
  private static final int BATCH = 200;
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final List<PersistenceId> IDS = List.of(Sequencer.PERSISTENCE_ID, Mempool.PERSISTENCE_ID);

  private JournalRewriter() {}

  /**
   * @param edit receives each event (Sequencer.Event or Mempool.Event) and returns it, or a changed one of the same
   *     kind
   */
  public static void copy(Path sourceDataDir, Path targetDataDir, UnaryOperator<Object> edit) throws Exception {
    if (Files.exists(targetDataDir.resolve("journal"))) {
      throw new IllegalArgumentException(targetDataDir + " already has a journal; give a new data dir");
    }
    Map<PersistenceId, List<Object>> events = new LinkedHashMap<>();
    withSystem(sourceDataDir, system -> {
      for (PersistenceId id : IDS) {
        events.put(id, read(system, id).stream().map(edit).toList());
      }
    });
    withSystem(targetDataDir, system -> {
      for (PersistenceId id : IDS) {
        ActorRef<Append> writer = system.systemActorOf(new Writer(id), "writer-" + id.id(),
            org.apache.pekko.actor.typed.Props.empty());
        List<Object> all = events.get(id);
        for (int from = 0; from < all.size(); from += BATCH) {
          List<Object> batch = all.subList(from, Math.min(all.size(), from + BATCH));
          AskPattern.<Append, Done>ask(writer, replyTo -> new Append(batch, replyTo), TIMEOUT, system.scheduler())
              .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    });
  }

  private interface SystemUse {
    void run(ActorSystem<Void> system) throws Exception;
  }

  private static void withSystem(Path dataDir, SystemUse use) throws Exception {
    JournalConfig journal = JournalConfig.embedded(dataDir);
    Config config = journal.toConfig().withFallback(ConfigFactory.parseString("pekko.loglevel = WARNING"))
        .withFallback(ConfigFactory.load());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "journal-rewriter", config);
    try {
      journal.prepare(system).toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      use.run(system);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static List<Object> read(ActorSystem<?> system, PersistenceId id) throws Exception {
    CurrentEventsByPersistenceIdQuery query = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, "jdbc-read-journal");
    return query.currentEventsByPersistenceId(id.id(), 0, Long.MAX_VALUE)
        .map(EventEnvelope::event)
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private record Append(List<Object> events, ActorRef<Done> replyTo) {}

  /** Persists whatever it is given under the id of the actor whose journal is being rebuilt. */
  private static final class Writer extends EventSourcedBehavior<Append, Object, Integer> {
    Writer(PersistenceId id) {
      super(id);
    }

    @Override
    public Integer emptyState() {
      return 0;
    }

    @Override
    public CommandHandler<Append, Object, Integer> commandHandler() {
      return newCommandHandlerBuilder().forAnyState().onAnyCommand((state, append) ->
          Effect().persist(append.events()).thenRun(s -> append.replyTo().tell(Done.getInstance())));
    }

    @Override
    public EventHandler<Integer, Object> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> state + 1);
    }
  }
}
