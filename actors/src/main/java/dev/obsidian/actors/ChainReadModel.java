package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.persistence.JournalConfig;
import dev.obsidian.persistence.ReadModelStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.javadsl.ExactlyOnceProjection;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The chain's read models in H2 ({@code <dataDir>/read-models/}, {@link ReadModelStore}): blocks by number and hash,
 * txs by hash, note hash leaf indexes and private logs by tag, filled from the sequencer's journal by an exactly-once
 * Pekko projection ({@link #projection}: the rows of an event and the projection's offset commit in one
 * transaction). A restart resumes the projection at its stored offset; {@link ChainIndex} keeps in memory only the
 * blocks the projection has not committed yet.
 *
 * <p>Blocks are stored whole (Kryo, the journal's own encoding), so a receipt or a log is answered from the block
 * row; a small cache keeps the most recently read blocks decoded.
 */
public final class ChainReadModel implements AutoCloseable {
  /** The projection's name; its offsets are the sequencer's event sequence numbers. */
  public static final String PROJECTION_NAME = "chain-read-model";
  /** Decoded blocks kept for repeated receipt and log reads. */
  static final int BLOCK_CACHE = 128;

  /** What the read model holds: the last projected block and sequence number, and the proven height. */
  public record Progress(long lastSequenceNr, long lastBlockNumber, long provenBlockNumber) {
    /** This progress with the chain cut at {@code blockNumber} (a rollback the projection has not applied yet). */
    public Progress upTo(long blockNumber) {
      return new Progress(lastSequenceNr, Math.min(lastBlockNumber, blockNumber), Math.min(provenBlockNumber, blockNumber));
    }
  }

  /** A log's place: block, tx in block, log in tx. */
  record LogLocation(long blockNumber, int txIndex, int logIndex) {}

  private final ReadModelStore store;
  private final SerializerWithStringManifest serializer;
  private final Map<Long, L2Block> cache = new LinkedHashMap<>(BLOCK_CACHE, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, L2Block> eldest) {
      return size() > BLOCK_CACHE;
    }
  };

  private ChainReadModel(ReadModelStore store, ActorSystem<?> system) throws Exception {
    this.store = store;
    this.serializer = (SerializerWithStringManifest) SerializationExtension.get(system.classicSystem())
        .serializerFor(Sequencer.BlockBuilt.class); // the Kryo serializer; L2Block is registered with it too
  }

  /** Opens (creating if missing) the read-model tables and the projection's offset tables. */
  public static ChainReadModel open(ReadModelStore store, ActorSystem<?> system) throws Exception {
    store.prepare(system).toCompletableFuture().get();
    store.inTransaction(connection -> {
      try (Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE IF NOT EXISTS chain_progress (id INT PRIMARY KEY, last_seq_nr BIGINT NOT NULL, "
            + "last_block BIGINT NOT NULL, proven_block BIGINT NOT NULL)");
        sql.execute("MERGE INTO chain_progress KEY(id) SELECT 1, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM chain_progress)");
        sql.execute("CREATE TABLE IF NOT EXISTS chain_blocks (number BIGINT PRIMARY KEY, hash BINARY(32) NOT NULL, "
            + "manifest VARCHAR(64) NOT NULL, block VARBINARY NOT NULL)");
        sql.execute("CREATE UNIQUE INDEX IF NOT EXISTS chain_blocks_hash ON chain_blocks(hash)");
        sql.execute("CREATE TABLE IF NOT EXISTS chain_txs (hash BINARY(32) PRIMARY KEY, block_number BIGINT NOT NULL, "
            + "tx_index INT NOT NULL)");
        sql.execute("CREATE TABLE IF NOT EXISTS chain_note_hashes (note_hash BINARY(32) PRIMARY KEY, "
            + "leaf_index BIGINT NOT NULL, block_number BIGINT NOT NULL)");
        sql.execute("CREATE TABLE IF NOT EXISTS chain_l1_to_l2_messages (message BINARY(32) PRIMARY KEY, "
            + "leaf_index BIGINT NOT NULL, block_number BIGINT NOT NULL)");
        sql.execute("CREATE TABLE IF NOT EXISTS chain_logs (tag BINARY(32) NOT NULL, block_number BIGINT NOT NULL, "
            + "tx_index INT NOT NULL, log_index INT NOT NULL, PRIMARY KEY (tag, block_number, tx_index, log_index))");
      }
      return null;
    });
    return new ChainReadModel(store, system);
  }

  /**
   * The projection filling these tables from the sequencer's events. {@code committed} is told each projected block
   * number once its rows and offset are committed.
   */
  public ExactlyOnceProjection<Long, EventEnvelope> projection(ActorSystem<?> system, JournalConfig journal,
      Consumer<Long> committed) {
    return projection(system, journal, committed, Handler::new);
  }

  /** With another handler (tests wrap {@link #handler()} to inject failures). */
  ExactlyOnceProjection<Long, EventEnvelope> projection(ActorSystem<?> system, JournalConfig journal,
      Consumer<Long> committed, java.util.function.Supplier<JdbcHandler<EventEnvelope, JdbcSession>> handler) {
    return store.exactlyOnceByPersistenceId(system, PROJECTION_NAME, journal, Sequencer.PERSISTENCE_ID.id(), handler)
        .withStatusObserver(new CommitObserver(committed));
  }

  JdbcHandler<EventEnvelope, JdbcSession> handler() {
    return new Handler();
  }

  // ---- writing (the projection's handler) ------------------------------------------------------------------------

  /** Applies one sequencer event in the projection's transaction. */
  final class Handler extends JdbcHandler<EventEnvelope, JdbcSession> {
    @Override
    public void process(JdbcSession session, EventEnvelope envelope) throws Exception {
      session.withConnection(connection -> {
        apply(connection, envelope.sequenceNr(), envelope.event());
        return null;
      });
    }
  }

  void apply(Connection connection, long sequenceNr, Object event) throws SQLException {
    if (event instanceof Sequencer.BlockBuilt built) {
      insertBlock(connection, built.block());
      update(connection, "UPDATE chain_progress SET last_seq_nr = ?, last_block = ? WHERE id = 1", sequenceNr,
          built.blockNumber());
    } else if (event instanceof Sequencer.ChainRolledBack rolledBack) {
      deleteAbove(connection, rolledBack.toBlock());
      update(connection, "UPDATE chain_progress SET last_seq_nr = ?, last_block = LEAST(last_block, ?), "
          + "proven_block = LEAST(proven_block, ?) WHERE id = 1", sequenceNr, rolledBack.toBlock(), rolledBack.toBlock());
    } else if (event instanceof Sequencer.BlockProven proven) {
      update(connection, "UPDATE chain_progress SET last_seq_nr = ?, proven_block = GREATEST(proven_block, ?) WHERE id = 1",
          sequenceNr, proven.blockNumber());
    } else {
      update(connection, "UPDATE chain_progress SET last_seq_nr = ? WHERE id = 1", sequenceNr);
    }
  }

  private void insertBlock(Connection connection, L2Block block) throws SQLException {
    try (PreparedStatement sql = connection.prepareStatement("INSERT INTO chain_blocks VALUES (?, ?, ?, ?)")) {
      sql.setLong(1, block.number());
      sql.setBytes(2, block.hash().toBytesBE());
      sql.setString(3, serializer.manifest(block));
      sql.setBytes(4, serializer.toBinary(block));
      sql.executeUpdate();
    }
    long firstNoteHashLeaf = block.header().state().noteHashTree().size()
        - (long) Constants.MAX_NOTE_HASHES_PER_TX * block.txEffects().size();
    try (PreparedStatement txs = connection.prepareStatement("INSERT INTO chain_txs VALUES (?, ?, ?)");
        PreparedStatement notes = connection.prepareStatement("INSERT INTO chain_note_hashes SELECT ?, ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM chain_note_hashes WHERE note_hash = ?)");
        PreparedStatement logs = connection.prepareStatement("MERGE INTO chain_logs KEY(tag, block_number, tx_index, "
            + "log_index) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < block.txEffects().size(); i++) {
        TxEffect effect = block.txEffects().get(i);
        txs.setBytes(1, effect.txHash().value().toBytesBE());
        txs.setLong(2, block.number());
        txs.setInt(3, i);
        txs.addBatch();
        List<Fr> noteHashes = effect.effects().noteHashes();
        long firstLeaf = firstNoteHashLeaf + (long) Constants.MAX_NOTE_HASHES_PER_TX * i;
        for (int j = 0; j < noteHashes.size(); j++) {
          byte[] noteHash = noteHashes.get(j).toBytesBE();
          notes.setBytes(1, noteHash);
          notes.setLong(2, firstLeaf + j);
          notes.setLong(3, block.number());
          notes.setBytes(4, noteHash);
          notes.addBatch();
        }
        List<PrivateLog> privateLogs = effect.effects().privateLogs();
        for (int j = 0; j < privateLogs.size(); j++) {
          logs.setBytes(1, privateLogs.get(j).tag().toBytesBE());
          logs.setLong(2, block.number());
          logs.setInt(3, i);
          logs.setInt(4, j);
          logs.addBatch();
        }
      }
      txs.executeBatch();
      notes.executeBatch();
      logs.executeBatch();
    }
    long firstMessageLeaf = ChainIndex.firstL1ToL2MessageLeaf(block);
    try (PreparedStatement messages = connection.prepareStatement("INSERT INTO chain_l1_to_l2_messages SELECT ?, ?, ? "
        + "WHERE NOT EXISTS (SELECT 1 FROM chain_l1_to_l2_messages WHERE message = ?)")) {
      for (int i = 0; i < block.l1ToL2Messages().size(); i++) {
        byte[] message = block.l1ToL2Messages().get(i).toBytesBE();
        messages.setBytes(1, message);
        messages.setLong(2, firstMessageLeaf + i);
        messages.setLong(3, block.number());
        messages.setBytes(4, message);
        messages.addBatch();
      }
      messages.executeBatch();
    }
  }

  /** Drops every row of the blocks above {@code blockNumber} (L1 refused them: the chain was rolled back). */
  private void deleteAbove(Connection connection, long blockNumber) throws SQLException {
    synchronized (cache) {
      cache.keySet().removeIf(number -> number > blockNumber);
    }
    for (String table : List.of("chain_txs", "chain_note_hashes", "chain_l1_to_l2_messages", "chain_logs")) {
      update(connection, "DELETE FROM " + table + " WHERE block_number > ?", blockNumber);
    }
    update(connection, "DELETE FROM chain_blocks WHERE number > ?", blockNumber);
  }

  private static void update(Connection connection, String statement, long... values) throws SQLException {
    try (PreparedStatement sql = connection.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        sql.setLong(i + 1, values[i]);
      }
      sql.executeUpdate();
    }
  }

  // ---- reading -----------------------------------------------------------------------------------------------------

  public Progress progress() {
    return query(connection -> {
      try (Statement sql = connection.createStatement();
          ResultSet row = sql.executeQuery("SELECT last_seq_nr, last_block, proven_block FROM chain_progress WHERE id = 1")) {
        row.next();
        return new Progress(row.getLong(1), row.getLong(2), row.getLong(3));
      }
    });
  }

  public Optional<L2Block> block(long number) {
    synchronized (cache) {
      L2Block cached = cache.get(number);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Optional<L2Block> stored = query(connection -> {
      try (PreparedStatement sql = connection.prepareStatement("SELECT manifest, block FROM chain_blocks WHERE number = ?")) {
        sql.setLong(1, number);
        try (ResultSet row = sql.executeQuery()) {
          return row.next() ? Optional.of((L2Block) serializer.fromBinary(row.getBytes(2), row.getString(1)))
              : Optional.<L2Block>empty();
        }
      }
    });
    return stored.map(block -> {
      synchronized (cache) {
        cache.put(number, block);
      }
      return block;
    });
  }

  public Optional<Long> blockNumberOf(Fr blockHash) {
    return lookupLong("SELECT number FROM chain_blocks WHERE hash = ?", blockHash);
  }

  /** Block number and index in block of a mined tx. */
  public Optional<long[]> txLocation(TxHash txHash) {
    return query(connection -> {
      try (PreparedStatement sql = connection.prepareStatement("SELECT block_number, tx_index FROM chain_txs WHERE hash = ?")) {
        sql.setBytes(1, txHash.value().toBytesBE());
        try (ResultSet row = sql.executeQuery()) {
          return row.next() ? Optional.of(new long[] {row.getLong(1), row.getInt(2)}) : Optional.<long[]>empty();
        }
      }
    });
  }

  /** The block of each of {@code hashes} the table holds, in one query per 1,000 hashes. */
  public Map<TxHash, Long> txBlocks(List<TxHash> hashes) {
    return query(connection -> {
      Map<TxHash, Long> found = new java.util.HashMap<>();
      try (PreparedStatement sql = connection.prepareStatement(
          "SELECT hash, block_number FROM chain_txs WHERE hash = ANY(?)")) {
        for (int from = 0; from < hashes.size(); from += 1000) {
          List<TxHash> chunk = hashes.subList(from, Math.min(hashes.size(), from + 1000));
          sql.setObject(1, chunk.stream().map(hash -> hash.value().toBytesBE()).toArray(byte[][]::new));
          try (ResultSet row = sql.executeQuery()) {
            while (row.next()) {
              found.put(new TxHash(Fr.fromBytesBE(row.getBytes(1))), row.getLong(2));
            }
          }
        }
      }
      return found;
    });
  }

  /** Leaf index and block of the first insertion of a note hash. */
  public Optional<long[]> noteHashLeaf(Fr noteHash) {
    return query(connection -> {
      try (PreparedStatement sql = connection.prepareStatement(
          "SELECT leaf_index, block_number FROM chain_note_hashes WHERE note_hash = ?")) {
        sql.setBytes(1, noteHash.toBytesBE());
        try (ResultSet row = sql.executeQuery()) {
          return row.next() ? Optional.of(new long[] {row.getLong(1), row.getLong(2)}) : Optional.<long[]>empty();
        }
      }
    });
  }

  /** Leaf index and block of the first insertion of an L1->L2 message (its hash) into the message tree. */
  public Optional<long[]> l1ToL2MessageLeaf(Fr message) {
    return query(connection -> {
      try (PreparedStatement sql = connection.prepareStatement(
          "SELECT leaf_index, block_number FROM chain_l1_to_l2_messages WHERE message = ?")) {
        sql.setBytes(1, message.toBytesBE());
        try (ResultSet row = sql.executeQuery()) {
          return row.next() ? Optional.of(new long[] {row.getLong(1), row.getLong(2)}) : Optional.<long[]>empty();
        }
      }
    });
  }

  /** Where the first {@code max} logs with {@code tag} in blocks up to {@code maxBlock} are, in chain order. */
  List<LogLocation> logLocations(Fr tag, long maxBlock, int max) {
    return query(connection -> {
      try (PreparedStatement sql = connection.prepareStatement("SELECT block_number, tx_index, log_index FROM chain_logs "
          + "WHERE tag = ? AND block_number <= ? ORDER BY block_number, tx_index, log_index LIMIT ?")) {
        sql.setBytes(1, tag.toBytesBE());
        sql.setLong(2, maxBlock);
        sql.setInt(3, max);
        List<LogLocation> locations = new ArrayList<>();
        try (ResultSet row = sql.executeQuery()) {
          while (row.next()) {
            locations.add(new LogLocation(row.getLong(1), row.getInt(2), row.getInt(3)));
          }
        }
        return locations;
      }
    });
  }

  /** Row counts per table, for tests and diagnostics. */
  public Map<String, Long> rowCounts() {
    return query(connection -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : List.of("chain_blocks", "chain_txs", "chain_note_hashes", "chain_l1_to_l2_messages", "chain_logs")) {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
          row.next();
          counts.put(table, row.getLong(1));
        }
      }
      return counts;
    });
  }

  private Optional<Long> lookupLong(String statement, Fr key) {
    return query(connection -> {
      try (PreparedStatement sql = connection.prepareStatement(statement)) {
        sql.setBytes(1, key.toBytesBE());
        try (ResultSet row = sql.executeQuery()) {
          return row.next() ? Optional.of(row.getLong(1)) : Optional.<Long>empty();
        }
      }
    });
  }

  private <T> T query(org.apache.pekko.japi.function.Function<Connection, T> work) {
    try {
      return store.inTransaction(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("read model query failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    store.close();
  }

  /** Tells {@code committed} the block number of each BlockBuilt whose offset is committed. */
  private static final class CommitObserver extends StatusObserver<EventEnvelope> {
    private final Consumer<Long> committed;

    CommitObserver(Consumer<Long> committed) {
      this.committed = committed;
    }

    @Override
    public void offsetProgress(ProjectionId id, EventEnvelope envelope) {
      if (envelope.event() instanceof Sequencer.BlockBuilt built) {
        committed.accept(built.blockNumber());
      }
    }

    @Override
    public void started(ProjectionId id) {}

    @Override
    public void failed(ProjectionId id, Throwable cause) {}

    @Override
    public void stopped(ProjectionId id) {}

    @Override
    public void beforeProcess(ProjectionId id, EventEnvelope envelope) {}

    @Override
    public void afterProcess(ProjectionId id, EventEnvelope envelope) {}

    @Override
    public void error(ProjectionId id, EventEnvelope envelope, Throwable cause, HandlerRecoveryStrategy recovery) {}
  }
}
