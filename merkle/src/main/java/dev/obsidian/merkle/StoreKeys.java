package dev.obsidian.merkle;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Key encodings of the node store. Every number is big-endian so RocksDB's bytewise order is numeric order, and a
 * version is stored inverted ({@code ~version}) so that, for one logical key, newer versions sort first: a seek to
 * {@code logicalKey | ~V} lands on the newest version at or below V.
 *
 * <pre>
 * nodes      tree(1) | level(1) | index(8) | ~version(8)   -> hash(32)          level 0 = leaves
 * leaves     tree(1) | index(8) | ~version(8)              -> leaf preimage
 * keyIndex   tree(1) | key(32)                             -> index(8) | version(8)   insert-only
 * meta       version(8) | tree(1)                          -> size(8) | root(32)
 * stale      supersededAt(8) | column(1) | oldKey          -> (empty)     drives pruning
 * </pre>
 */
final class StoreKeys {
  static final int VERSION_BYTES = 8;
  static final int HASH_BYTES = 32;

  private StoreKeys() {}

  static byte[] nodeLogical(int tree, int level, long index) {
    return ByteBuffer.allocate(10).put((byte) tree).put((byte) level).putLong(index).array();
  }

  static byte[] leafLogical(int tree, long index) {
    return ByteBuffer.allocate(9).put((byte) tree).putLong(index).array();
  }

  static byte[] keyIndexKey(int tree, byte[] key32) {
    return ByteBuffer.allocate(1 + HASH_BYTES).put((byte) tree).put(key32).array();
  }

  static byte[] metaKey(long version, int tree) {
    return ByteBuffer.allocate(9).putLong(version).put((byte) tree).array();
  }

  /** A versioned key: the logical key followed by the inverted version. */
  static byte[] versioned(byte[] logical, long version) {
    return ByteBuffer.allocate(logical.length + VERSION_BYTES).put(logical).putLong(~version).array();
  }

  static long versionOf(byte[] versionedKey) {
    return ~ByteBuffer.wrap(versionedKey, versionedKey.length - VERSION_BYTES, VERSION_BYTES).getLong();
  }

  static boolean hasLogicalPrefix(byte[] versionedKey, byte[] logical) {
    return versionedKey.length == logical.length + VERSION_BYTES
        && Arrays.equals(versionedKey, 0, logical.length, logical, 0, logical.length);
  }

  static byte[] staleKey(long supersededAt, Column column, byte[] oldVersionedKey) {
    return ByteBuffer.allocate(VERSION_BYTES + 1 + oldVersionedKey.length)
        .putLong(supersededAt)
        .put((byte) column.ordinal())
        .put(oldVersionedKey)
        .array();
  }

  static long staleSupersededAt(byte[] staleKey) {
    return ByteBuffer.wrap(staleKey, 0, VERSION_BYTES).getLong();
  }

  static Column staleColumn(byte[] staleKey) {
    return Column.values()[staleKey[VERSION_BYTES]];
  }

  static byte[] staleOldKey(byte[] staleKey) {
    return Arrays.copyOfRange(staleKey, VERSION_BYTES + 1, staleKey.length);
  }

  static byte[] longBytes(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  static long bytesLong(byte[] bytes, int offset) {
    return ByteBuffer.wrap(bytes, offset, 8).getLong();
  }
}
