package dev.obsidian.merkle;

import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The persistent, versioned store of the five world-state trees on RocksDB. Block 0 is Aztec's genesis state; each
 * committed fork becomes the next block. Every block stays readable as a {@link WorldStateSnapshot} until pruned.
 *
 * <p>Storage is multi-version: a node, leaf preimage or key is written once per block that changes it, under a key
 * ending in the inverted block number, so one seek finds its value as of any block (see {@link StoreKeys}). A commit is
 * one atomic write batch that includes the last applied block number, so after a crash the store is at the last block
 * that committed completely.
 */
public final class WorldStateStore implements AutoCloseable {
  private static final int PRUNE_BATCH_ENTRIES = 50_000;

  private final RocksBackend backend;
  private final StoreOptions options;
  private long latestBlock;
  private long oldestBlock;
  private boolean closed;
  /** Views hold RocksDB snapshots and iterators, which must be released before the database closes. */
  private final java.util.Set<StoreView> openViews =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private WorldStateStore(RocksBackend backend, StoreOptions options) {
    this.backend = backend;
    this.options = options;
  }

  /** Opens the store in {@code directory}, creating it with Aztec's genesis state (block 0) when it is new. */
  public static WorldStateStore open(Path directory, StoreOptions options) {
    RocksBackend backend = RocksBackend.open(directory, options.syncWrites());
    try {
      WorldStateStore store = new WorldStateStore(backend, options);
      store.load();
      return store;
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  private void load() {
    byte[] last = backend.get(Column.STATE, CommitWriter.LAST_BLOCK_KEY);
    if (last == null) {
      writeGenesis();
      return;
    }
    latestBlock = StoreKeys.bytesLong(last, 0);
    byte[] oldest = backend.get(Column.STATE, CommitWriter.OLDEST_BLOCK_KEY);
    oldestBlock = oldest == null ? 0 : StoreKeys.bytesLong(oldest, 0);
  }

  private void writeGenesis() {
    try (WriteBatch batch = new WriteBatch()) {
      new CommitWriter(backend, null, -1, 0, batch).writeTrees(Genesis.build());
      batch.put(backend.handle(Column.STATE), CommitWriter.OLDEST_BLOCK_KEY, StoreKeys.longBytes(0));
      backend.write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("cannot write the genesis state: " + e.getMessage(), e);
    }
    latestBlock = 0;
    oldestBlock = 0;
  }

  public synchronized long latestBlock() {
    requireOpen();
    return latestBlock;
  }

  /** The oldest block that can still be read; older ones were pruned. */
  public synchronized long oldestAvailableBlock() {
    requireOpen();
    return oldestBlock;
  }

  /** A fork of the latest block, to build the next one. */
  public synchronized WorldStateFork fork() {
    return fork(latestBlock);
  }

  /** A fork of any readable block; only a fork of the latest block can be committed. */
  public synchronized WorldStateFork fork(long blockNumber) {
    StoreView view = openView(blockNumber);
    try {
      return new WorldStateFork(this, view, blockNumber, new Trees(view::treeBase));
    } catch (RuntimeException e) {
      view.close();
      throw e;
    }
  }

  /** The trees as committed at {@code blockNumber}. */
  public synchronized WorldStateSnapshot snapshot(long blockNumber) {
    StoreView view = openView(blockNumber);
    return new WorldStateSnapshot(view);
  }

  private StoreView openView(long blockNumber) {
    requireOpen();
    if (blockNumber < 0 || blockNumber > latestBlock) {
      throw new UnknownBlockException(blockNumber, latestBlock);
    }
    if (blockNumber < oldestBlock) {
      throw new PrunedSnapshotException(blockNumber, oldestBlock);
    }
    StoreView[] holder = new StoreView[1];
    holder[0] = new StoreView(backend.reader(), blockNumber, () -> forget(holder[0]));
    openViews.add(holder[0]);
    return holder[0];
  }

  private synchronized void forget(StoreView view) {
    openViews.remove(view);
  }

  synchronized long commit(WorldStateFork fork) {
    requireOpen();
    if (fork.blockNumber() != latestBlock) {
      throw new StaleForkException(fork.blockNumber(), latestBlock);
    }
    long version = latestBlock + 1;
    StoreView base = fork.view();
    try (WriteBatch batch = new WriteBatch()) {
      synchronized (base) {
        new CommitWriter(backend, base.reader(), base.version(), version, batch).writeTrees(fork.trees());
      }
      backend.write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("cannot commit block " + version + ": " + e.getMessage(), e);
    }
    latestBlock = version;
    if (options.historyBlocks() > 0 && version - options.historyBlocks() + 1 > oldestBlock) {
      prune(version - options.historyBlocks() + 1);
    }
    return version;
  }

  /**
   * Makes {@code keepFromBlock} the oldest readable block: for every key, versions superseded at or before it are
   * deleted, so the newest version at or below it (and every later one) stays. Snapshots and forks already open keep
   * reading their RocksDB snapshot.
   */
  public synchronized void prune(long keepFromBlock) {
    requireOpen();
    if (keepFromBlock > latestBlock) {
      throw new IllegalArgumentException(
          "keepFromBlock " + keepFromBlock + " is after the latest block " + latestBlock);
    }
    if (keepFromBlock <= oldestBlock) {
      return;
    }
    oldestBlock = keepFromBlock;
    try {
      deleteSuperseded(keepFromBlock);
    } catch (RocksDBException e) {
      throw new StoreException("pruning before block " + keepFromBlock + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes in batches; each batch also records the new oldest block first, so a crash midway leaves only some garbage
   * for the next prune, never a readable snapshot with missing nodes.
   */
  private void deleteSuperseded(long keepFromBlock) throws RocksDBException {
    try (RocksBackend.Reader reader = backend.reader()) {
      RocksIterator it = reader.iterator(Column.STALE);
      it.seekToFirst();
      boolean more = true;
      while (more) {
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(
              backend.handle(Column.STATE), CommitWriter.OLDEST_BLOCK_KEY, StoreKeys.longBytes(keepFromBlock));
          int entries = 0;
          for (; it.isValid() && entries < PRUNE_BATCH_ENTRIES; it.next(), entries++) {
            byte[] staleKey = it.key();
            if (StoreKeys.staleSupersededAt(staleKey) > keepFromBlock) {
              break;
            }
            batch.delete(backend.handle(StoreKeys.staleColumn(staleKey)), StoreKeys.staleOldKey(staleKey));
            batch.delete(backend.handle(Column.STALE), staleKey);
          }
          more = it.isValid() && entries == PRUNE_BATCH_ENTRIES;
          if (!more) {
            batch.deleteRange(
                backend.handle(Column.META), StoreKeys.metaKey(0, 0), StoreKeys.metaKey(keepFromBlock, 0));
          }
          backend.write(batch);
        }
      }
    }
  }

  /**
   * Makes {@code block} the latest block again, as if the later blocks had never been committed: every version
   * written after it is deleted (nodes, leaves, keys, tree roots), and versions it superseded are current again. For a
   * node that follows L1 and must drop L2 blocks an L1 reorg took away. One atomic write batch, built from a scan of
   * the whole store (cost grows with the store, not with the blocks dropped). Forks and snapshots already open keep
   * reading their RocksDB snapshot.
   *
   * @throws IllegalArgumentException if {@code block} is after the latest block or before the oldest readable one
   */
  public synchronized void unwindTo(long block) {
    requireOpen();
    if (block > latestBlock || block < oldestBlock) {
      throw new IllegalArgumentException("cannot unwind to block " + block + ": the store holds blocks "
          + oldestBlock + ".." + latestBlock + " (history-blocks bounds how far back it can go)");
    }
    if (block == latestBlock) {
      return;
    }
    try (WriteBatch batch = new WriteBatch(); RocksBackend.Reader reader = backend.reader()) {
      for (Column column : new Column[] {Column.NODES, Column.LEAVES}) {
        RocksIterator it = reader.iterator(column);
        for (it.seekToFirst(); it.isValid(); it.next()) {
          if (StoreKeys.versionOf(it.key()) > block) {
            batch.delete(backend.handle(column), it.key());
          }
        }
      }
      RocksIterator keys = reader.iterator(Column.KEY_INDEX);
      for (keys.seekToFirst(); keys.isValid(); keys.next()) {
        if (StoreKeys.bytesLong(keys.value(), 8) > block) {
          batch.delete(backend.handle(Column.KEY_INDEX), keys.key());
        }
      }
      for (Column column : new Column[] {Column.META, Column.STALE}) {
        RocksIterator it = reader.iterator(column);
        // both are keyed by a leading big-endian block number: the commit (meta) or the superseding one (stale)
        for (it.seek(StoreKeys.longBytes(block + 1)); it.isValid(); it.next()) {
          batch.delete(backend.handle(column), it.key());
        }
      }
      batch.put(backend.handle(Column.STATE), CommitWriter.LAST_BLOCK_KEY, StoreKeys.longBytes(block));
      backend.write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("unwinding to block " + block + " failed: " + e.getMessage(), e);
    }
    latestBlock = block;
  }

  /** Number of stored entries in a column; for tests of pruning. */
  synchronized long countEntries(Column column) {
    requireOpen();
    long count = 0;
    try (RocksBackend.Reader reader = backend.reader()) {
      RocksIterator it = reader.iterator(column);
      for (it.seekToFirst(); it.isValid(); it.next()) {
        count++;
      }
    }
    return count;
  }

  private void requireOpen() {
    if (closed) {
      throw new StoreException("the world state store is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      for (StoreView view : java.util.List.copyOf(openViews)) {
        view.close();
      }
      closed = true;
      backend.close();
    }
  }
}
