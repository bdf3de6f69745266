package dev.obsidian.merkle;

import java.util.Arrays;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Turns a fork's writes into one RocksDB batch at a new version: nodes, leaf preimages, new keys, per-tree metadata
 * and the last applied block number, so a crash leaves either all of the block or none of it. Each write that
 * supersedes an older version of the same key also records a stale entry, which later lets pruning delete exactly
 * the versions no kept snapshot can see.
 */
final class CommitWriter {
  static final byte[] LAST_BLOCK_KEY = "last-block".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  static final byte[] OLDEST_BLOCK_KEY = "oldest-block".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final RocksBackend backend;
  private final RocksBackend.Reader baseReader;
  private final long baseVersion;
  private final long version;
  private final WriteBatch batch;

  /** {@code baseReader} is null for the genesis commit, which supersedes nothing. */
  CommitWriter(RocksBackend backend, RocksBackend.Reader baseReader, long baseVersion, long version, WriteBatch batch) {
    this.backend = backend;
    this.baseReader = baseReader;
    this.baseVersion = baseVersion;
    this.version = version;
    this.batch = batch;
  }

  void writeTrees(Trees trees) throws RocksDBException {
    for (TreeId tree : TreeId.values()) {
      writeTree(tree, trees.state(tree));
    }
    batch.put(backend.handle(Column.STATE), LAST_BLOCK_KEY, StoreKeys.longBytes(version));
  }

  private void writeTree(TreeId tree, TreeState state) throws RocksDBException {
    state.flush();
    for (int level = 0; level <= state.height; level++) {
      for (Map.Entry<Long, dev.obsidian.crypto.field.Fr> node : state.writtenNodes(level).entrySet()) {
        putVersioned(
            Column.NODES,
            StoreKeys.nodeLogical(tree.id(), level, node.getKey()),
            node.getValue().toBytesBE());
      }
    }
    for (Map.Entry<Long, IndexedLeaf> leaf : state.writtenLeaves().entrySet()) {
      putVersioned(
          Column.LEAVES, StoreKeys.leafLogical(tree.id(), leaf.getKey()), tree.kind().encode(leaf.getValue()));
    }
    for (Map.Entry<dev.obsidian.crypto.field.Fr, Long> key : state.insertedKeys().entrySet()) {
      byte[] value =
          java.nio.ByteBuffer.allocate(16).putLong(key.getValue()).putLong(version).array();
      batch.put(backend.handle(Column.KEY_INDEX), StoreKeys.keyIndexKey(tree.id(), key.getKey().toBytesBE()), value);
    }
    byte[] meta =
        java.nio.ByteBuffer.allocate(40).putLong(state.size()).put(state.root().toBytesBE()).array();
    batch.put(backend.handle(Column.META), StoreKeys.metaKey(version, tree.id()), meta);
  }

  private void putVersioned(Column column, byte[] logical, byte[] value) throws RocksDBException {
    if (baseReader != null) {
      RocksIterator it = baseReader.iterator(column);
      it.seek(StoreKeys.versioned(logical, baseVersion));
      if (it.isValid() && StoreKeys.hasLogicalPrefix(it.key(), logical)) {
        if (Arrays.equals(it.value(), value)) {
          return;
        }
        batch.put(backend.handle(Column.STALE), StoreKeys.staleKey(version, column, it.key()), new byte[0]);
      }
    }
    batch.put(backend.handle(column), StoreKeys.versioned(logical, version), value);
  }
}
