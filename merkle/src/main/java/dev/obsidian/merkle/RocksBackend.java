package dev.obsidian.merkle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** Owns the RocksDB handle and its column families; all RocksDB calls of the merkle module go through here. */
final class RocksBackend implements AutoCloseable {
  private static final long BLOCK_CACHE_BYTES = 64L << 20;

  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions columnOptions;
  private final LRUCache blockCache;
  private final WriteOptions writeOptions;
  private final Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);

  private RocksBackend(Path directory, boolean syncWrites) throws RocksDBException {
    blockCache = new LRUCache(BLOCK_CACHE_BYTES);
    columnOptions =
        new ColumnFamilyOptions()
            .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(blockCache));
    dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (Column column : Column.values()) {
      descriptors.add(new ColumnFamilyDescriptor(column.familyNameBytes(), columnOptions));
    }
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    db = RocksDB.open(dbOptions, directory.toString(), descriptors, opened);
    for (Column column : Column.values()) {
      handles.put(column, opened.get(column.ordinal()));
    }
    writeOptions = new WriteOptions().setSync(syncWrites);
  }

  static RocksBackend open(Path directory, boolean syncWrites) {
    try {
      Files.createDirectories(directory);
      return new RocksBackend(directory, syncWrites);
    } catch (RocksDBException | java.io.IOException e) {
      throw new StoreException("cannot open the node store at " + directory + ": " + e.getMessage(), e);
    }
  }

  ColumnFamilyHandle handle(Column column) {
    return handles.get(column);
  }

  byte[] get(Column column, byte[] key) {
    try {
      return db.get(handles.get(column), key);
    } catch (RocksDBException e) {
      throw new StoreException("read failed in column " + column + ": " + e.getMessage(), e);
    }
  }

  /** Applies a batch atomically: either all of its puts and deletes are visible after a crash, or none. */
  void write(WriteBatch batch) {
    try {
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StoreException("atomic write failed: " + e.getMessage(), e);
    }
  }

  /** A consistent point-in-time reader; the caller closes it. */
  Reader reader() {
    return new Reader();
  }

  @Override
  public void close() {
    handles.values().forEach(ColumnFamilyHandle::close);
    db.close();
    writeOptions.close();
    dbOptions.close();
    columnOptions.close();
    blockCache.close();
  }

  /**
   * Reads from one RocksDB snapshot, so a prune or a commit that runs concurrently never changes what it sees. Not
   * thread-safe by itself: its iterators are reused; callers synchronize.
   */
  final class Reader implements AutoCloseable {
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    private final Map<Column, RocksIterator> iterators = new EnumMap<>(Column.class);

    private Reader() {
      snapshot = db.getSnapshot();
      readOptions = new ReadOptions().setSnapshot(snapshot);
    }

    byte[] get(Column column, byte[] key) {
      try {
        return db.get(handles.get(column), readOptions, key);
      } catch (RocksDBException e) {
        throw new StoreException("read failed in column " + column + ": " + e.getMessage(), e);
      }
    }

    /** The value of the newest version at or below {@code version} of a logical key, or null if there is none. */
    byte[] versioned(Column column, byte[] logical, long version) {
      RocksIterator it = iterator(column);
      it.seek(StoreKeys.versioned(logical, version));
      if (!it.isValid() || !StoreKeys.hasLogicalPrefix(it.key(), logical)) {
        return null;
      }
      return it.value();
    }

    /** The iterator of a column, positioned by the caller; valid until this reader closes. */
    RocksIterator iterator(Column column) {
      return iterators.computeIfAbsent(column, c -> db.newIterator(handles.get(c), readOptions));
    }

    @Override
    public void close() {
      iterators.values().forEach(RocksIterator::close);
      readOptions.close();
      db.releaseSnapshot(snapshot);
      snapshot.close();
    }
  }
}
