package dev.obsidian.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Test read model: per counter, the total and the number of events applied. Counting events exposes any event
 * applied twice or lost. {@link #failOnceAtAmount} makes the handler fail after its update, once, to prove the
 * update and the offset roll back together.
 */
final class CounterTotalsHandler extends JdbcHandler<EventEnvelope<Counter.Event>, JdbcSession> {
  static final AtomicLong failOnceAtAmount = new AtomicLong(-1);

  record Row(long total, long events) {}

  static void createTable(Connection connection) throws Exception {
    connection.createStatement().execute(
        "create table if not exists counter_totals (entity_id varchar(255) primary key, total bigint not null, events bigint not null)");
  }

  static Map<String, Row> rows(Connection connection) throws Exception {
    Map<String, Row> rows = new TreeMap<>();
    try (ResultSet result = connection.createStatement().executeQuery("select entity_id, total, events from counter_totals")) {
      while (result.next()) {
        rows.put(result.getString(1), new Row(result.getLong(2), result.getLong(3)));
      }
    }
    return rows;
  }

  @Override
  public void process(JdbcSession session, EventEnvelope<Counter.Event> envelope) throws Exception {
    if (!(envelope.event() instanceof Counter.Incremented incremented)) {
      return;
    }
    String entityId = envelope.persistenceId().substring("Counter|".length());
    session.withConnection(connection -> {
      apply(connection, entityId, incremented.amount());
      return null;
    });
    if (failOnceAtAmount.compareAndSet(incremented.amount(), -1)) {
      throw new IllegalStateException("injected failure after applying " + incremented);
    }
  }

  private static void apply(Connection connection, String entityId, long amount) throws Exception {
    try (PreparedStatement update = connection.prepareStatement(
        "update counter_totals set total = total + ?, events = events + 1 where entity_id = ?")) {
      update.setLong(1, amount);
      update.setString(2, entityId);
      if (update.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("insert into counter_totals values (?, ?, 1)")) {
      insert.setString(1, entityId);
      insert.setLong(2, amount);
      insert.executeUpdate();
    }
  }
}
