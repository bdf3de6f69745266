package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of commits, discarded forks and prunes against a RocksDB store: every readable block keeps the
 * roots recorded when it was built, pruned blocks fail with {@link PrunedSnapshotException}, a discarded fork
 * writes nothing, and the latest block equals an in-memory replay of the committed blocks.
 */
class WorldStateStorePropertyTest {

  sealed interface Action permits Commit, Discard, Prune {}

  record Commit(BlockContent content) implements Action {}

  record Discard(BlockContent content) implements Action {}

  record Prune(int keepLast) implements Action {}

  record BlockContent(int noteHashes, List<Fr> nullifiers, List<Fr[]> writes) {
    void applyTo(WorldStateFork fork, long block) {
      fork.appendLeaves(TreeId.NOTE_HASH, TestBlocks.values(block, 1, noteHashes));
      fork.insertTxNullifiers(nullifiers.stream().map(n -> n.add(Fr.of(block << 20))).toList());
      writes.forEach(write -> fork.writePublicData(write[0], write[1]));
      fork.appendLeaves(TreeId.ARCHIVE, TestBlocks.values(block, 4, 1));
    }
  }

  @Property(tries = 12)
  void snapshotsKeepTheirRootsThroughCommitsDiscardsAndPrunes(@ForAll("actions") List<Action> actions)
      throws IOException {
    Path directory = Files.createTempDirectory("obsidian-store-property");
    try (WorldStateStore store = WorldStateStore.open(directory, new StoreOptions(false, 0))) {
      List<Map<TreeId, TreeInfo>> recorded = new ArrayList<>();
      recorded.add(WorldStateStoreTest.infos(WorldStateFork.inMemoryGenesis()));
      WorldStateFork replay = WorldStateFork.inMemoryGenesis();
      for (Action action : actions) {
        apply(store, action, recorded, replay);
        checkHistory(store, recorded);
      }
      assertEquals(WorldStateStoreTest.infos(replay), recorded.get((int) store.latestBlock()));
    } finally {
      deleteRecursively(directory);
    }
  }

  private static void apply(
      WorldStateStore store, Action action, List<Map<TreeId, TreeInfo>> recorded, WorldStateFork replay) {
    switch (action) {
      case Commit commit -> {
        try (WorldStateFork fork = store.fork()) {
          long block = fork.blockNumber() + 1;
          commit.content().applyTo(fork, block);
          commit.content().applyTo(replay, block);
          recorded.add(WorldStateStoreTest.infos(fork));
          assertEquals(block, fork.commit());
        }
      }
      case Discard discard -> {
        long nodes = store.countEntries(Column.NODES);
        long leaves = store.countEntries(Column.LEAVES);
        try (WorldStateFork fork = store.fork()) {
          discard.content().applyTo(fork, fork.blockNumber() + 1);
        }
        assertEquals(nodes, store.countEntries(Column.NODES));
        assertEquals(leaves, store.countEntries(Column.LEAVES));
        assertEquals(recorded.size() - 1, store.latestBlock());
      }
      case Prune prune -> store.prune(Math.max(0, store.latestBlock() - prune.keepLast() + 1));
    }
  }

  private static void checkHistory(WorldStateStore store, List<Map<TreeId, TreeInfo>> recorded) {
    long oldest = store.oldestAvailableBlock();
    for (long block = 0; block < oldest; block++) {
      long pruned = block;
      assertThrows(PrunedSnapshotException.class, () -> store.snapshot(pruned));
    }
    for (long block = oldest; block <= store.latestBlock(); block++) {
      try (WorldStateSnapshot snapshot = store.snapshot(block)) {
        assertEquals(recorded.get((int) block), WorldStateStoreTest.infos(snapshot), "block " + block);
        WorldStateStoreTest.checkPathsProveRoots(snapshot);
      }
    }
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Fr> nullifier = Arbitraries.longs().between(1_000, 1L << 40).map(Fr::of);
    Arbitrary<Fr[]> write =
        Combinators.combine(Arbitraries.integers().between(100, 140), Arbitraries.longs())
            .as((slot, value) -> new Fr[] {Fr.of(slot), Fr.of(value)});
    Arbitrary<BlockContent> content =
        Combinators.combine(
                Arbitraries.integers().between(0, 70),
                nullifier.list().uniqueElements().ofMaxSize(6),
                write.list().ofMaxSize(5))
            .as(BlockContent::new);
    Arbitrary<Action> action =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, content.map(Commit::new)),
            net.jqwik.api.Tuple.of(2, content.map(Discard::new)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4).map(Prune::new)));
    return action.list().ofMinSize(1).ofMaxSize(10);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
