package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unwinding the store to an earlier block, as a node following L1 does after a reorg. */
class WorldStateStoreUnwindTest {
  private static final StoreOptions FAST = new StoreOptions(false, 0);

  @TempDir Path directory;

  @Test
  void unwindingRestoresTheEarlierBlockExactlyAndAnotherBranchCommitsLikeOnAFreshStore() {
    Path reference = directory.resolve("reference");
    Path unwound = directory.resolve("unwound");
    Map<TreeId, TreeInfo> atTwo;
    Map<Column, Long> entriesAtTwo;
    try (WorldStateStore store = WorldStateStore.open(unwound, FAST)) {
      commit(store, 1, 10);
      commit(store, 2, 10);
      atTwo = infos(store, 2);
      entriesAtTwo = entries(store);
      commit(store, 3, 12);
      Map<TreeId, TreeInfo> atThree = infos(store, 3);
      commit(store, 4, 9);

      store.unwindTo(2);
      assertEquals(2, store.latestBlock());
      assertEquals(atTwo, infos(store, 2));
      assertEquals(entriesAtTwo, entries(store), "nothing written after block 2 remains");
      assertThrows(UnknownBlockException.class, () -> store.snapshot(3));
      // block 3 again: its nullifiers are new again, and it lands on the same roots
      commit(store, 3, 12);
      assertEquals(atThree, infos(store, 3));
      store.unwindTo(2);
      commit(store, 33, 7); // another branch
      WorldStateStoreTest.checkPathsProveRoots(store.snapshot(3));
    }
    try (WorldStateStore store = WorldStateStore.open(unwound, FAST);
        WorldStateStore fresh = WorldStateStore.open(reference, FAST)) {
      assertEquals(3, store.latestBlock(), "the unwind and the new branch survive reopening");
      commit(fresh, 1, 10);
      commit(fresh, 2, 10);
      commit(fresh, 33, 7);
      for (long block = 0; block <= 3; block++) {
        assertEquals(infos(fresh, block), infos(store, block), "block " + block);
      }
      assertEquals(entries(fresh), entries(store), "same entries as a store that never saw the dropped blocks");
    }
  }

  @Test
  void cannotUnwindPastTheOldestKeptBlockOrForward() {
    try (WorldStateStore store = WorldStateStore.open(directory, new StoreOptions(false, 2))) {
      for (int block = 1; block <= 4; block++) {
        commit(store, block, 4);
      }
      IllegalArgumentException pruned = assertThrows(IllegalArgumentException.class, () -> store.unwindTo(1));
      assertEquals("cannot unwind to block 1: the store holds blocks 3..4 (history-blocks bounds how far back it "
          + "can go)", pruned.getMessage());
      assertThrows(IllegalArgumentException.class, () -> store.unwindTo(5));
      store.unwindTo(3);
      assertEquals(3, store.latestBlock());
    }
  }

  private static void commit(WorldStateStore store, long seed, int nullifiers) {
    try (WorldStateFork fork = store.fork()) {
      TestBlocks.apply(fork, seed, nullifiers);
      fork.commit();
    }
  }

  private static Map<TreeId, TreeInfo> infos(WorldStateStore store, long block) {
    try (WorldStateSnapshot snapshot = store.snapshot(block)) {
      return WorldStateStoreTest.infos(snapshot);
    }
  }

  private static Map<Column, Long> entries(WorldStateStore store) {
    Map<Column, Long> counts = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      counts.put(column, store.countEntries(column));
    }
    return counts;
  }
}
