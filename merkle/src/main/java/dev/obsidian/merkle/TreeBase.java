package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;

/** Read access to one tree as committed at some version; a {@link TreeState} layers uncommitted writes on top. */
interface TreeBase {
  long size();

  /** The node at a level (0 = leaves) and position, or null where nothing was written (an empty subtree). */
  Fr node(int level, long index);

  /** The leaf preimage at an index, or null where there is none. */
  IndexedLeaf leaf(long index);

  /** The entry with the largest key at or below {@code key}, or null. */
  KeyEntry floor(Fr key);

  /** A key and the leaf index that holds it. */
  record KeyEntry(Fr key, long index) {}

  /** The base of a tree that has never been committed. */
  TreeBase EMPTY =
      new TreeBase() {
        @Override
        public long size() {
          return 0;
        }

        @Override
        public Fr node(int level, long index) {
          return null;
        }

        @Override
        public IndexedLeaf leaf(long index) {
          return null;
        }

        @Override
        public KeyEntry floor(Fr key) {
          return null;
        }
      };
}
