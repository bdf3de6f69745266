package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One tree's uncommitted state: writes are kept in sorted in-memory maps over a read-only {@link TreeBase}, whose
 * reads are cached (the base is immutable). Sorted maps keep the commit order deterministic.
 *
 * <p>Inner nodes are rehashed lazily: a leaf write marks its ancestors dirty, and a dirty node is recomputed from its
 * children when it is read. The values are exactly those of eager rehashing, but a batch of low-leaf updates in one
 * region of the tree hashes the shared upper path once instead of once per update. Dirty nodes are closed under
 * "parent of", so reading the root cleans every one of them.
 */
final class TreeState {
  final int height;
  final LeafKind kind;
  private final TreeBase base;
  private final List<NavigableMap<Long, Fr>> writtenNodes;
  private final List<Map<Long, Fr>> baseNodeCache;
  private final List<Set<Long>> dirtyNodes;
  private final NavigableMap<Long, IndexedLeaf> writtenLeaves = new TreeMap<>();
  private final NavigableMap<Fr, Long> insertedKeys = new TreeMap<>();
  private long size;

  TreeState(int height, LeafKind kind, TreeBase base) {
    if (height < 1 || height > EmptyRoots.MAX_HEIGHT) {
      throw new IllegalArgumentException("height " + height + " is outside 1.." + EmptyRoots.MAX_HEIGHT);
    }
    this.height = height;
    this.kind = kind;
    this.base = base;
    this.size = base.size();
    writtenNodes = new ArrayList<>(height + 1);
    baseNodeCache = new ArrayList<>(height + 1);
    dirtyNodes = new ArrayList<>(height + 1);
    for (int level = 0; level <= height; level++) {
      writtenNodes.add(new TreeMap<>(Long::compareUnsigned));
      baseNodeCache.add(new HashMap<>());
      dirtyNodes.add(new HashSet<>());
    }
  }

  long size() {
    return size;
  }

  void setSize(long newSize) {
    size = newSize;
  }

  /** Number of leaves a tree of this height holds; 2^64 - 1 at height 64, so that a size fits an unsigned long. */
  long capacity() {
    return height == 64 ? -1L : 1L << height;
  }

  /** The node, or the empty-subtree root of its level where nothing was written. */
  Fr node(int level, long index) {
    if (level > 0 && dirtyNodes.get(level).remove(index)) {
      Fr hash = parent(level, node(level - 1, index << 1), node(level - 1, (index << 1) | 1));
      writtenNodes.get(level).put(index, hash);
      return hash;
    }
    Fr written = writtenNodes.get(level).get(index);
    if (written != null) {
      return written;
    }
    Map<Long, Fr> cache = baseNodeCache.get(level);
    Fr cached = cache.get(index);
    if (cached == null && !cache.containsKey(index)) {
      cached = base.node(level, index);
      cache.put(index, cached);
    }
    return cached != null ? cached : EmptyRoots.at(level);
  }

  /**
   * The hash of two children. Two empty subtrees make the empty subtree above without hashing: Aztec pads every tx's
   * note hashes and nullifiers to 64 leaves, so most nodes of an appended subtree are empty.
   */
  private static Fr parent(int level, Fr left, Fr right) {
    Fr empty = EmptyRoots.at(level - 1);
    return left.equals(empty) && right.equals(empty) ? EmptyRoots.at(level) : Poseidon2.hash2(left, right);
  }

  /** Writes a leaf hash; its ancestors are rehashed when next read. */
  void putLeafHash(long index, Fr hash) {
    writtenNodes.get(0).put(index, hash);
    for (int level = 1; level <= height; level++) {
      if (!dirtyNodes.get(level).add(index >>> level)) {
        break; // already dirty, and so are all its ancestors
      }
    }
  }

  Fr root() {
    return node(height, 0);
  }

  /** Rehashes every dirty node, so that {@link #writtenNodes} holds final values (before a commit). */
  void flush() {
    root();
    for (Set<Long> dirty : dirtyNodes) {
      if (!dirty.isEmpty()) {
        throw new IllegalStateException("dirty nodes remain after rehashing the root: " + dirty);
      }
    }
  }

  IndexedLeaf leaf(long index) {
    IndexedLeaf written = writtenLeaves.get(index);
    return written != null ? written : base.leaf(index);
  }

  void putLeaf(long index, IndexedLeaf leaf) {
    writtenLeaves.put(index, leaf);
  }

  /** The largest key at or below {@code key} among committed and uncommitted leaves. */
  TreeBase.KeyEntry floor(Fr key) {
    TreeBase.KeyEntry fromBase = base.floor(key);
    Map.Entry<Fr, Long> fromOverlay = insertedKeys.floorEntry(key);
    if (fromOverlay == null) {
      return fromBase;
    }
    if (fromBase == null || fromOverlay.getKey().compareTo(fromBase.key()) > 0) {
      return new TreeBase.KeyEntry(fromOverlay.getKey(), fromOverlay.getValue());
    }
    return fromBase;
  }

  void putKey(Fr key, long index) {
    insertedKeys.put(key, index);
  }

  NavigableMap<Long, Fr> writtenNodes(int level) {
    return writtenNodes.get(level);
  }

  NavigableMap<Long, IndexedLeaf> writtenLeaves() {
    return writtenLeaves;
  }

  NavigableMap<Fr, Long> insertedKeys() {
    return insertedKeys;
  }
}
