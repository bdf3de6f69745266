package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldStateStoreTest {
  private static final StoreOptions FAST = new StoreOptions(false, 0);

  @TempDir Path directory;

  @Test
  void aNewStoreHoldsTheGenesisStateAsBlockZero() {
    WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
    try (WorldStateStore store = WorldStateStore.open(directory, FAST);
        WorldStateSnapshot snapshot = store.snapshot(0)) {
      assertEquals(0, store.latestBlock());
      for (TreeId tree : TreeId.values()) {
        assertEquals(genesis.treeInfo(tree), snapshot.treeInfo(tree), tree.name());
      }
    }
  }

  @Test
  void committedBlocksMatchAnInMemoryRunAndSurviveReopening() {
    WorldStateFork reference = WorldStateFork.inMemoryGenesis();
    List<Map<TreeId, TreeInfo>> recorded = new ArrayList<>();
    recorded.add(infos(reference));
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      for (long block = 1; block <= 4; block++) {
        TestBlocks.apply(reference, block, 10);
        recorded.add(infos(reference));
        try (WorldStateFork fork = store.fork()) {
          TestBlocks.apply(fork, block, 10);
          assertEquals(block, fork.commit());
        }
      }
    }
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      assertEquals(4, store.latestBlock());
      for (int block = 0; block <= 4; block++) {
        try (WorldStateSnapshot snapshot = store.snapshot(block)) {
          assertEquals(recorded.get(block), infos(snapshot), "block " + block);
          checkPathsProveRoots(snapshot);
        }
      }
    }
  }

  @Test
  void discardingAForkLeavesTheStoreUnchanged() {
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      commitBlocks(store, 2);
      Map<TreeId, TreeInfo> before;
      long entriesBefore = store.countEntries(Column.NODES);
      try (WorldStateSnapshot snapshot = store.snapshot(2)) {
        before = infos(snapshot);
      }
      WorldStateFork fork = store.fork();
      TestBlocks.apply(fork, 3, 20);
      fork.discard();
      assertEquals(2, store.latestBlock());
      assertEquals(entriesBefore, store.countEntries(Column.NODES));
      try (WorldStateSnapshot snapshot = store.snapshot(2)) {
        assertEquals(before, infos(snapshot));
      }
      assertThrows(UnknownBlockException.class, () -> store.snapshot(3));
      assertThrows(IllegalStateException.class, fork::commit);
    }
  }

  @Test
  void onlyAForkOfTheLatestBlockCanCommit() {
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      WorldStateFork first = store.fork();
      WorldStateFork second = store.fork();
      TestBlocks.apply(first, 1, 4);
      TestBlocks.apply(second, 1, 4);
      assertEquals(1, first.commit());
      StaleForkException stale = assertThrows(StaleForkException.class, second::commit);
      assertTrue(stale.getMessage().contains("latest committed block is 1"), stale.getMessage());
      second.close();
      try (WorldStateFork historical = store.fork(0)) {
        assertEquals(WorldStateFork.inMemoryGenesis().treeInfo(TreeId.NOTE_HASH), historical.treeInfo(TreeId.NOTE_HASH));
        assertThrows(StaleForkException.class, historical::commit);
      }
    }
  }

  @Test
  void snapshotsSeeKeysOnlyFromTheirOwnBlock() {
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      Fr nullifier = Fr.of(1_000_000);
      try (WorldStateFork fork = store.fork()) {
        fork.insertTxNullifiers(List.of(nullifier));
        fork.commit();
      }
      try (WorldStateSnapshot before = store.snapshot(0);
          WorldStateSnapshot after = store.snapshot(1)) {
        assertTrue(before.membershipWitness(TreeId.NULLIFIER, nullifier).isEmpty());
        LeafWitness low = before.lowLeafWitness(TreeId.NULLIFIER, nullifier);
        assertEquals(Fr.of(127), low.leaf().key());
        assertEquals(before.treeInfo(TreeId.NULLIFIER).root(), low.path().rootFrom(low.leaf().hash(), low.index()));
        LeafWitness member = after.membershipWitness(TreeId.NULLIFIER, nullifier).orElseThrow();
        assertEquals(128, member.index());
        assertEquals(after.treeInfo(TreeId.NULLIFIER).root(), member.path().rootFrom(member.leaf().hash(), 128));
        assertFalse(before.containsKey(TreeId.NULLIFIER, nullifier));
        assertTrue(after.containsKey(TreeId.NULLIFIER, nullifier));
        assertTrue(after.containsKey(TreeId.NULLIFIER, Fr.of(127)), "a prefilled leaf's key");
        assertFalse(after.containsKey(TreeId.NULLIFIER, Fr.of(999_999)), "a key between two leaves");
      }
      try (WorldStateFork fork = store.fork()) {
        assertTrue(fork.containsKey(TreeId.NULLIFIER, nullifier));
        assertFalse(fork.containsKey(TreeId.NULLIFIER, Fr.of(2_000_000)));
        fork.insertTxNullifiers(List.of(Fr.of(2_000_000)));
        assertTrue(fork.containsKey(TreeId.NULLIFIER, Fr.of(2_000_000)));
      }
      try (WorldStateFork fork = store.fork()) {
        assertThrows(DuplicateNullifierException.class, () -> fork.insertTxNullifiers(List.of(nullifier)));
        assertThrows(DuplicateNullifierException.class, () -> fork.insertNullifier(nullifier));
      }
    }
  }

  @Test
  void pruningDeletesOldVersionsAndKeepsTheNewerSnapshotsWhole() {
    Map<Long, Map<TreeId, TreeInfo>> recorded = new java.util.TreeMap<>();
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      recorded.putAll(commitBlocks(store, 8));
      long nodesBefore = store.countEntries(Column.NODES);
      store.prune(6);
      assertTrue(store.countEntries(Column.NODES) < nodesBefore, "pruning deletes superseded nodes");
      assertEquals(6, store.oldestAvailableBlock());
      PrunedSnapshotException pruned = assertThrows(PrunedSnapshotException.class, () -> store.snapshot(5));
      assertEquals(6, pruned.oldestAvailableBlock());
      assertThrows(PrunedSnapshotException.class, () -> store.fork(0));
      for (long block = 6; block <= 8; block++) {
        try (WorldStateSnapshot snapshot = store.snapshot(block)) {
          assertEquals(recorded.get(block), infos(snapshot));
          checkPathsProveRoots(snapshot);
        }
      }
    }
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      assertEquals(6, store.oldestAvailableBlock());
      assertThrows(PrunedSnapshotException.class, () -> store.snapshot(5));
    }
  }

  @Test
  void historyBlocksPrunesAutomatically() {
    try (WorldStateStore store = WorldStateStore.open(directory, new StoreOptions(false, 3))) {
      Map<Long, Map<TreeId, TreeInfo>> recorded = commitBlocks(store, 6);
      assertEquals(4, store.oldestAvailableBlock());
      assertThrows(PrunedSnapshotException.class, () -> store.snapshot(3));
      try (WorldStateSnapshot snapshot = store.snapshot(4)) {
        assertEquals(recorded.get(4L), infos(snapshot));
        checkPathsProveRoots(snapshot);
      }
    }
  }

  @Test
  void anOpenSnapshotIsNotAffectedByALaterPrune() {
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      Map<Long, Map<TreeId, TreeInfo>> recorded = commitBlocks(store, 4);
      try (WorldStateSnapshot snapshot = store.snapshot(1)) {
        store.prune(4);
        assertEquals(recorded.get(1L), infos(snapshot));
        checkPathsProveRoots(snapshot);
      }
    }
  }

  @Test
  void unknownBlocksAreRejected() {
    try (WorldStateStore store = WorldStateStore.open(directory, FAST)) {
      UnknownBlockException unknown = assertThrows(UnknownBlockException.class, () -> store.snapshot(1));
      assertEquals(1, unknown.blockNumber());
      assertThrows(UnknownBlockException.class, () -> store.snapshot(-1));
      assertThrows(IllegalArgumentException.class, () -> store.prune(1));
    }
  }

  @Test
  void closingTheStoreClosesOpenViews() {
    WorldStateStore store = WorldStateStore.open(directory, FAST);
    WorldStateSnapshot snapshot = store.snapshot(0);
    WorldStateFork fork = store.fork();
    store.close();
    assertThrows(StoreException.class, () -> snapshot.treeInfo(TreeId.ARCHIVE));
    assertThrows(StoreException.class, store::latestBlock);
    fork.close();
    snapshot.close();
    assertFalse(directory.toFile().list().length == 0);
  }

  static Map<Long, Map<TreeId, TreeInfo>> commitBlocks(WorldStateStore store, int count) {
    Map<Long, Map<TreeId, TreeInfo>> recorded = new java.util.TreeMap<>();
    for (int i = 0; i < count; i++) {
      try (WorldStateFork fork = store.fork()) {
        long block = fork.blockNumber() + 1;
        TestBlocks.apply(fork, block, 6);
        recorded.put(block, infos(fork));
        fork.commit();
      }
    }
    return recorded;
  }

  static Map<TreeId, TreeInfo> infos(WorldStateReader reader) {
    Map<TreeId, TreeInfo> infos = new EnumMap<>(TreeId.class);
    for (TreeId tree : TreeId.values()) {
      infos.put(tree, reader.treeInfo(tree));
    }
    return infos;
  }

  /** Reads back first and last leaves of every tree with their paths: they must hash up to the recorded root. */
  static void checkPathsProveRoots(WorldStateReader reader) {
    for (TreeId tree : TreeId.values()) {
      TreeInfo info = reader.treeInfo(tree);
      for (long index : new long[] {0, info.size() / 2, info.size() - 1}) {
        if (index < 0 || info.size() == 0) {
          continue;
        }
        Fr leaf = reader.leafHash(tree, index);
        assertEquals(info.root(), reader.siblingPath(tree, index).rootFrom(leaf, index), tree + " leaf " + index);
      }
    }
  }
}
