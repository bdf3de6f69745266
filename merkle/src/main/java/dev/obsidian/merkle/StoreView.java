package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.NonCanonicalEncodingException;
import java.util.Arrays;
import org.rocksdb.RocksIterator;

/**
 * The store as of one committed version, read through one RocksDB snapshot. Synchronized: its iterators are shared by
 * the trees of a fork or snapshot, which callers may read from several threads.
 */
final class StoreView implements AutoCloseable {
  private final RocksBackend.Reader reader;
  private final long version;
  private final Runnable onClose;
  private boolean closed;

  StoreView(RocksBackend.Reader reader, long version, Runnable onClose) {
    this.reader = reader;
    this.version = version;
    this.onClose = onClose;
  }

  long version() {
    return version;
  }

  RocksBackend.Reader reader() {
    requireOpen();
    return reader;
  }

  private void requireOpen() {
    if (closed) {
      throw new StoreException("this view of block " + version + " is closed (its fork, snapshot or store closed)");
    }
  }

  synchronized Fr node(TreeId tree, int level, long index) {
    requireOpen();
    byte[] value = reader.versioned(Column.NODES, StoreKeys.nodeLogical(tree.id(), level, index), version);
    return value == null ? null : decodeHash(value, "node");
  }

  synchronized IndexedLeaf leaf(TreeId tree, long index) {
    requireOpen();
    byte[] value = reader.versioned(Column.LEAVES, StoreKeys.leafLogical(tree.id(), index), version);
    return value == null ? null : tree.kind().decode(value);
  }

  /**
   * The largest key at or below {@code key} inserted at or before this version. Keys are insert-only and carry their
   * insertion version, so entries newer than this view are skipped; that walk is bounded by the keys inserted since.
   */
  synchronized TreeBase.KeyEntry floor(TreeId tree, Fr key) {
    requireOpen();
    RocksIterator it = reader.iterator(Column.KEY_INDEX);
    for (it.seekForPrev(StoreKeys.keyIndexKey(tree.id(), key.toBytesBE())); it.isValid(); it.prev()) {
      byte[] entryKey = it.key();
      if (entryKey[0] != (byte) tree.id()) {
        return null;
      }
      byte[] value = it.value();
      if (StoreKeys.bytesLong(value, 8) <= version) {
        Fr found = decodeHash(Arrays.copyOfRange(entryKey, 1, entryKey.length), "key");
        return new TreeBase.KeyEntry(found, StoreKeys.bytesLong(value, 0));
      }
    }
    return null;
  }

  synchronized TreeInfo meta(TreeId tree) {
    requireOpen();
    byte[] value = reader.get(Column.META, StoreKeys.metaKey(version, tree.id()));
    if (value == null) {
      throw new StoreException("no metadata for tree " + tree + " at block " + version + ": the store is corrupt");
    }
    return new TreeInfo(decodeHash(Arrays.copyOfRange(value, 8, 40), "root"), StoreKeys.bytesLong(value, 0));
  }

  TreeBase treeBase(TreeId tree) {
    long size = meta(tree).size();
    return new TreeBase() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public Fr node(int level, long index) {
        return StoreView.this.node(tree, level, index);
      }

      @Override
      public IndexedLeaf leaf(long index) {
        return StoreView.this.leaf(tree, index);
      }

      @Override
      public KeyEntry floor(Fr key) {
        return StoreView.this.floor(tree, key);
      }
    };
  }

  private static Fr decodeHash(byte[] bytes, String what) {
    if (bytes.length != StoreKeys.HASH_BYTES) {
      throw new StoreException("stored " + what + " has " + bytes.length + " bytes, expected 32");
    }
    try {
      return Fr.fromBytesBE(bytes);
    } catch (NonCanonicalEncodingException e) {
      throw new StoreException("stored " + what + " is not below the field modulus: corrupt store", e);
    }
  }

  @Override
  public void close() {
    boolean closing;
    synchronized (this) {
      closing = !closed;
      if (closing) {
        closed = true;
        reader.close();
      }
    }
    if (closing) {
      onClose.run(); // outside this lock: the store's lock is taken here, and the store takes view locks
    }
  }
}
