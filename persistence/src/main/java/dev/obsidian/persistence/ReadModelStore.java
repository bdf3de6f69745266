package dev.obsidian.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.ExactlyOnceProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * An H2 database under the data directory for read models (receipts, blocks, logs) and the offsets of the
 * projections that fill them. A projection's table update and its offset commit in one transaction, so every
 * tagged event is applied exactly once, across restarts too. Deleting the directory rebuilds all read models
 * from the journal. Close it after the ActorSystem terminates.
 */
public final class ReadModelStore implements AutoCloseable {
  /** Connections, and threads of the blocking projection dispatcher: one per concurrently running projection. */
  static final int MAX_CONNECTIONS = 4;

  private final Path databasePath;
  private final JdbcConnectionPool pool;

  private ReadModelStore(Path dataDir) {
    this.databasePath = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize().resolve("read-models").resolve("obsidian");
    this.pool = JdbcConnectionPool.create("jdbc:h2:file:" + databasePath.toString().replace('\\', '/')
        // closed by close() after the actor system has stopped, not by H2's exit hook under a still-running projection
        + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    pool.setMaxConnections(MAX_CONNECTIONS);
  }

  /** A store in {@code dataDir/read-models/}. */
  public static ReadModelStore embedded(Path dataDir) {
    return new ReadModelStore(dataDir);
  }

  /** Pekko Projections settings this store needs in the ActorSystem's config. */
  public static Config projectionConfig() {
    return ConfigFactory.parseString("""
        pekko.projection.jdbc {
          dialect = "h2-dialect"
          blocking-jdbc-dispatcher.thread-pool-executor.fixed-pool-size = %d
        }
        """.formatted(MAX_CONNECTIONS));
  }

  /** Creates the offset tables if missing. */
  public CompletionStage<Done> prepare(ActorSystem<?> system) {
    return JdbcProjection.createTablesIfNotExists(this::openSession, system);
  }

  /**
   * A projection of the events tagged {@code tag} in {@code journal}, named {@code name} (its offsets are kept
   * under that name: renaming it replays everything). Run it with {@code ProjectionBehavior.create(projection)}.
   */
  public <E> ExactlyOnceProjection<Offset, EventEnvelope<E>> exactlyOnce(
      ActorSystem<?> system, String name, JournalConfig journal, String tag, Supplier<JdbcHandler<EventEnvelope<E>, JdbcSession>> handler) {
    SourceProvider<Offset, EventEnvelope<E>> events = EventSourcedProvider.eventsByTag(system, journal.readJournalPluginId(), tag);
    return JdbcProjection.exactlyOnce(ProjectionId.of(name, tag), events, this::openSession, handler, system);
  }

  /**
   * An exactly-once projection of one entity's events ({@link PersistenceIdSourceProvider}: offsets are sequence
   * numbers), named {@code name}.
   */
  public ExactlyOnceProjection<Long, org.apache.pekko.persistence.query.EventEnvelope> exactlyOnceByPersistenceId(
      ActorSystem<?> system, String name, JournalConfig journal, String persistenceId,
      Supplier<JdbcHandler<org.apache.pekko.persistence.query.EventEnvelope, JdbcSession>> handler) {
    return JdbcProjection.exactlyOnce(ProjectionId.of(name, persistenceId),
        new PersistenceIdSourceProvider(system, journal.readJournalPluginId(), persistenceId), this::openSession, handler, system);
  }

  /** Runs {@code work} in its own transaction, e.g. to create read-model tables or answer a query. */
  public <T> T inTransaction(Function<Connection, T> work) throws Exception {
    try (Session session = openSession()) {
      try {
        T result = session.withConnection(work);
        session.commit();
        return result;
      } catch (Exception failure) {
        session.rollback();
        throw failure;
      }
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }

  private Session openSession() {
    try {
      Connection connection = pool.getConnection();
      connection.setAutoCommit(false);
      return new Session(connection);
    } catch (java.sql.SQLException failure) {
      throw new IllegalStateException("cannot open read-model database " + databasePath + ": " + failure.getMessage(), failure);
    }
  }

  /** One projection transaction on one connection, as JdbcSession requires. */
  private static final class Session implements JdbcSession, AutoCloseable {
    private final Connection connection;

    Session(Connection connection) {
      this.connection = connection;
    }

    @Override
    public <Result> Result withConnection(Function<Connection, Result> work) throws Exception {
      return work.apply(connection);
    }

    @Override
    public void commit() throws java.sql.SQLException {
      connection.commit();
    }

    @Override
    public void rollback() throws java.sql.SQLException {
      connection.rollback();
    }

    @Override
    public void close() throws java.sql.SQLException {
      connection.close();
    }
  }
}
