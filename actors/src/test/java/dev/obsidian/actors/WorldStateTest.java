package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldStateTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  @TempDir Path dir;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static GlobalVariables globals(long number) {
    return new GlobalVariables(31337, 1, number, number, 1000 + number, EthAddress.ZERO, AztecAddress.ZERO, GasFees.ZERO);
  }

  /** Builds {@code count} blocks of 2 txs through the actor, returning them as the journal would hold them. */
  private static List<L2Block> buildBlocks(ActorRef<WorldState.Command> worldState, int count, long seed) {
    RandomTxs random = new RandomTxs(seed, 31337, 1);
    List<L2Block> blocks = new ArrayList<>();
    TestProbe<WorldState.Built> built = testKit.createTestProbe();
    TestProbe<WorldState.Applied> applied = testKit.createTestProbe();
    try (WorldStateFork empty = WorldStateFork.inMemoryGenesis()) {
      for (int n = 1; n <= count; n++) {
        List<HashedTx> txs = List.of(HashedTx.of(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, empty)),
            HashedTx.of(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, empty)));
        worldState.tell(new WorldState.BuildBlock(globals(n), txs, built.getRef()));
        L2Block block = built.receiveMessage().block();
        worldState.tell(new WorldState.ApplyBlock(block, applied.getRef()));
        assertEquals(new WorldState.Applied(n), applied.receiveMessage());
        blocks.add(block);
      }
    }
    return blocks;
  }

  @Test
  void catchUpReappliesOnlyTheMissingBlocksAndIsIdempotent() {
    List<L2Block> journal;
    try (WorldStateStore store = WorldStateStore.open(dir.resolve("a"), StoreOptions.defaults())) {
      ActorRef<WorldState.Command> worldState = testKit.spawn(WorldState.create(store));
      journal = buildBlocks(worldState, 3, 1);
      testKit.stop(worldState);
    }
    try (WorldStateStore partial = WorldStateStore.open(dir.resolve("b"), StoreOptions.defaults())) {
      WorldState.catchUp(partial, journal.subList(0, 1));
      assertEquals(1, partial.latestBlock());
      WorldState.catchUp(partial, journal);
      WorldState.catchUp(partial, journal);
      assertEquals(3, partial.latestBlock());
      try (var snapshot = partial.snapshot(3)) {
        assertEquals(journal.get(2).archive(), snapshot.treeInfo(TreeId.ARCHIVE));
      }
      var ahead = assertThrows(IllegalStateException.class, () -> WorldState.catchUp(partial, journal.subList(0, 2)));
      assertTrue(ahead.getMessage().contains("store is at block 3 but the journal ends at block 2"), ahead.getMessage());
    }
  }

  @Test
  void catchUpFinishesAnUnwindARolledBackJournalAsksFor() {
    List<L2Block> journal;
    try (WorldStateStore store = WorldStateStore.open(dir.resolve("r"), StoreOptions.defaults())) {
      ActorRef<WorldState.Command> worldState = testKit.spawn(WorldState.create(store));
      journal = buildBlocks(worldState, 3, 1);
      testKit.stop(worldState);
      // a crash after the journal rolled the chain back to block 1 and before the trees were unwound
      WorldState.catchUp(store, journal.subList(0, 1), 1);
      assertEquals(1, store.latestBlock());
      try (var snapshot = store.snapshot(1)) {
        assertEquals(journal.get(0).archive(), snapshot.treeInfo(TreeId.ARCHIVE));
      }
      // and the blocks built after the rollback are applied on top
      WorldState.catchUp(store, journal, 1);
      assertEquals(3, store.latestBlock());
    }
  }

  @Test
  void answersHistoricalQueriesAndStopsOnARootMismatch() {
    try (WorldStateStore store = WorldStateStore.open(dir.resolve("c"), StoreOptions.defaults())) {
      ActorRef<WorldState.Command> worldState = testKit.spawn(WorldState.create(store));
      List<L2Block> blocks = buildBlocks(worldState, 2, 2);
      TestProbe<StatusReply<Fr>> reads = testKit.createTestProbe();
      worldState.tell(new WorldState.Read<>(BlockParameter.at(1), r -> r.treeInfo(TreeId.NOTE_HASH).root(), reads.getRef()));
      assertEquals(blocks.get(0).header().state().noteHashTree().root(), reads.receiveMessage().getValue());
      worldState.tell(new WorldState.Read<>(BlockParameter.at(9), r -> Fr.ZERO, reads.getRef()));
      assertTrue(reads.receiveMessage().isError());

      L2Block good = buildNext(worldState, 3);
      BlockHeader h = good.header();
      L2Block corrupt = new L2Block(new BlockHeader(h.lastArchive(), h.state(), h.spongeBlobHash(), h.globals(), Fr.ONE,
          h.totalManaUsed()), good.archive(), good.txEffects());
      TestProbe<WorldState.Applied> applied = testKit.createTestProbe();
      worldState.tell(new WorldState.ApplyBlock(corrupt, applied.getRef()));
      applied.expectTerminated(worldState);
      assertEquals(2, store.latestBlock());
    }
  }

  private static L2Block buildNext(ActorRef<WorldState.Command> worldState, long number) {
    TestProbe<WorldState.Built> built = testKit.createTestProbe();
    worldState.tell(new WorldState.BuildBlock(globals(number), List.of(), built.getRef()));
    return built.receiveMessage().block();
  }
}
