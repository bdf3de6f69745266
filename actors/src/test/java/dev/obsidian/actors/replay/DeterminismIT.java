package dev.obsidian.actors.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.JournalRewriter;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal alone determines the chain: a node started on a fresh data dir holding only a copy of another node's
 * journal rebuilds its store by catch-up to bit-identical roots (all five trees) and block hashes at every block, and
 * serves the same blocks. A journal with one changed field does not rebuild: the node refuses to start and replay names
 * the block and the field.
 */
class DeterminismIT {
  @TempDir Path temp;

  /** Root and size of every tree plus the archive leaf (the block hash) at one block. */
  private record BlockState(List<TreeInfo> trees, Fr archiveLeaf) {}

  @Test
  void aFreshDataDirWithOnlyTheJournalRebuildsBitIdenticalRootsAndBlockHashes() throws Exception {
    Path original = temp.resolve("original");
    RecordedChain.run(original, 6, 2025, 0);
    List<BlockState> expected = statesOf(original);
    List<L2Block> journaled;
    try (ReplaySource source = ReplaySource.open(original)) {
      journaled = source.journal().blocks();
    }
    assertEquals(journaled.size() + 1, expected.size());

    Path fresh = temp.resolve("fresh");
    DataDirCopy.copy(original.resolve("journal"), fresh.resolve("journal"));
    assertTrue(Files.notExists(fresh.resolve(ReplaySource.DEFAULT_STORE_PATH)));
    try (ActorNode node = NodeGuardian.start(RecordedChain.settings(fresh, 0), RecordedChain.steppingClock())) {
      assertEquals(journaled.size(), node.getBlockNumber().toCompletableFuture().get());
      for (L2Block block : journaled) {
        L2Block served = node.getBlock(block.number()).toCompletableFuture().get().orElseThrow();
        assertEquals(block, served);
        assertEquals(block.hash(), served.hash());
      }
    }
    List<BlockState> rebuilt = statesOf(fresh);
    for (int n = 0; n < expected.size(); n++) {
      assertEquals(expected.get(n), rebuilt.get(n), "block " + n);
    }
    for (L2Block block : journaled) {
      assertEquals(block.hash(), rebuilt.get((int) block.number()).archiveLeaf(), "hash of block " + block.number());
    }
    try (ReplaySource source = ReplaySource.open(fresh)) {
      assertEquals(Optional.empty(), new BlockReplayer(source).replayAll());
    }
  }

  @Test
  void aJournalWithOneChangedPublicWriteDoesNotRebuildAndReplayNamesIt() throws Exception {
    Path original = temp.resolve("original");
    RecordedChain.run(original, 4, 99, 0);
    L2Block target;
    try (ReplaySource source = ReplaySource.open(original)) {
      target = source.journal().blocks().stream()
          .filter(b -> b.txEffects().stream().anyMatch(tx -> !tx.effects().publicDataWrites().isEmpty()))
          .reduce((first, second) -> second).orElseThrow();
    }
    int txIndex = firstTxWithWrite(target);
    Path tampered = temp.resolve("tampered");
    JournalRewriter.copy(original, tampered, event -> event instanceof Sequencer.BlockBuilt b && b.blockNumber() == target.number()
        ? new Sequencer.BlockBuilt(b.blockNumber(), withWriteValue(b.block(), txIndex, Fr.of(1234567)))
        : event);
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> NodeGuardian.start(RecordedChain.settings(tampered, 0), RecordedChain.steppingClock()).close());
    assertTrue(refused.getMessage().contains("block " + target.number()), refused.getMessage());
    try (ReplaySource source = ReplaySource.open(tampered, temp.resolve("no-store"))) {
      Divergence divergence = new BlockReplayer(source).replayAll().orElseThrow();
      assertEquals(target.number(), divergence.blockNumber());
      assertEquals(Optional.of(txIndex), divergence.txIndex().stream().boxed().findFirst());
      assertEquals("txs[" + txIndex + "].effects.publicDataWrites[0]", divergence.field());
    }
  }

  private static List<BlockState> statesOf(Path dataDir) {
    try (ReplaySource source = ReplaySource.open(dataDir)) {
      WorldStateStore store = source.store().orElseThrow();
      List<BlockState> states = new ArrayList<>();
      for (long n = 0; n <= store.latestBlock(); n++) {
        try (WorldStateSnapshot snapshot = store.snapshot(n)) {
          List<TreeInfo> trees = new ArrayList<>();
          for (TreeId tree : TreeId.values()) {
            trees.add(snapshot.treeInfo(tree));
          }
          states.add(new BlockState(trees, snapshot.leafHash(TreeId.ARCHIVE, n)));
        }
      }
      return states;
    }
  }

  private static int firstTxWithWrite(L2Block block) {
    for (int i = 0; i < block.txEffects().size(); i++) {
      if (!block.txEffects().get(i).effects().publicDataWrites().isEmpty()) {
        return i;
      }
    }
    throw new AssertionError("no public write in block " + block.number());
  }

  private static L2Block withWriteValue(L2Block block, int txIndex, Fr value) {
    List<TxEffect> txs = new ArrayList<>(block.txEffects());
    TxEffect tx = txs.get(txIndex);
    TxEffects e = tx.effects();
    List<PublicDataWrite> writes = new ArrayList<>(e.publicDataWrites());
    writes.set(0, new PublicDataWrite(writes.get(0).leafSlot(), value));
    txs.set(txIndex, new TxEffect(tx.txHash(), tx.transactionFee(), new TxEffects(e.nullifiers(), e.noteHashes(), writes,
        e.l2ToL1Messages(), e.privateLogs(), e.publicLogs())));
    return new L2Block(block.header(), block.archive(), txs);
  }
}
