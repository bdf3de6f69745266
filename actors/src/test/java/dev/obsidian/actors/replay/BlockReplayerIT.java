package dev.obsidian.actors.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.JournalRewriter;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays blocks of a chain a real node built. Expected leaf indexes and old slot values are derived here from Aztec's
 * tree layout (128 prefilled nullifier and public data leaves, 64 note hash and 64 nullifier leaves per tx, public
 * slots updated in place), not from the replay code; tampered journals must be caught naming block and field.
 */
class BlockReplayerIT {
  private static final int BLOCKS = 5;
  @TempDir static Path temp;
  private static Path dataDir;
  private static List<L2Block> chain;

  @BeforeAll
  static void recordChain() throws Exception {
    dataDir = temp.resolve("node");
    RecordedChain.run(dataDir, BLOCKS, 7, 0);
    try (ReplaySource source = ReplaySource.open(dataDir)) {
      chain = source.journal().blocks();
    }
    assertTrue(chain.size() >= BLOCKS, "blocks built: " + chain.size());
  }

  @Test
  void everyBlockReplaysFromTheStoreWithTheLeafIndexesAndSlotValuesOfAztecsLayout() {
    try (ReplaySource source = ReplaySource.open(dataDir)) {
      BlockReplayer replayer = new BlockReplayer(source);
      Expected expected = new Expected();
      for (L2Block block : chain) {
        BlockReplay replay = replayer.replay(block.number());
        assertEquals(Optional.empty(), replay.divergence(), "block " + block.number());
        assertEquals(block.number() == 1 ? "genesis" : "the store's snapshot of block " + (block.number() - 1),
            replay.baseSource());
        assertEquals(block.number() == 1 ? genesisState() : chain.get((int) block.number() - 2).header().state(),
            replay.start());
        assertEquals(Optional.of(block.header().state()), replay.end());
        assertEquals(Optional.of(block.archive()), replay.archive());
        expected.check(block, replay);
      }
      assertTrue(expected.updatedSlots > 0, "the chain overwrote no public slot");
      assertEquals(Optional.empty(), replayer.replayAll());
    }
  }

  @Test
  void withoutAStoreTheStateUnderTheBlockIsRebuiltFromTheJournalWithTheSameResult() {
    long last = chain.size();
    try (ReplaySource withStore = ReplaySource.open(dataDir);
        ReplaySource journalOnly = ReplaySource.open(dataDir, temp.resolve("no-store-here"))) {
      BlockReplay fromStore = new BlockReplayer(withStore).replay(last);
      BlockReplay fromJournal = new BlockReplayer(journalOnly).replay(last);
      assertEquals("genesis, then the journal's blocks 1.." + (last - 1) + " replayed in memory", fromJournal.baseSource());
      assertEquals(fromStore.txs(), fromJournal.txs());
      assertEquals(fromStore.end(), fromJournal.end());
      assertTrue(fromJournal.matches());
    }
  }

  @Test
  void stateAtAPastBlockComesFromTheStoreOrTheJournalAlike() {
    L2Block block = chain.get(2);
    PublicDataWrite write = firstWrite(block).orElseThrow();
    try (ReplaySource withStore = ReplaySource.open(dataDir);
        ReplaySource journalOnly = ReplaySource.open(dataDir, temp.resolve("no-store-either"))) {
      for (ReplaySource source : List.of(withStore, journalOnly)) {
        BlockReplayer replayer = new BlockReplayer(source);
        assertEquals(block.header().state(), replayer.readAt(block.number(), read -> StateReference.of(read.trees())));
        assertEquals(block.archive(), replayer.readAt(block.number(), read -> read.trees().treeInfo(TreeId.ARCHIVE)));
        assertEquals(block.hash(), replayer.readAt(block.number(), read -> read.trees().leafHash(TreeId.ARCHIVE, block.number())));
        assertEquals(write.value(), replayer.readAt(block.number(), read -> read.trees()
            .membershipWitness(TreeId.PUBLIC_DATA, write.leafSlot()).orElseThrow().leaf().hashInputs().get(1)));
      }
      assertThrows(IllegalArgumentException.class,
          () -> new BlockReplayer(journalOnly).readAt(chain.size() + 1, read -> read.trees().treeInfo(TreeId.ARCHIVE)));
    }
  }

  @Test
  void replayNeverChangesAFileOfTheNode() throws Exception {
    Map<Path, String> before = fingerprint(dataDir);
    try (ReplaySource source = ReplaySource.open(dataDir)) {
      BlockReplayer replayer = new BlockReplayer(source);
      replayer.replay(2);
      replayer.readAt(1, read -> read.trees().treeInfo(TreeId.NOTE_HASH));
    }
    assertEquals(before, fingerprint(dataDir));
  }

  @Test
  void aTamperedNoteHashIsNamedWithItsBlockTxAndField() throws Exception {
    L2Block target = chain.get(2);
    int txIndex = indexOfTxWithNoteHash(target);
    Path tampered = temp.resolve("tampered-note-hash");
    JournalRewriter.copy(dataDir, tampered, event -> event instanceof Sequencer.BlockBuilt b && b.blockNumber() == target.number()
        ? new Sequencer.BlockBuilt(b.blockNumber(), withNoteHash(b.block(), txIndex, Fr.of(424242)))
        : event);
    try (ReplaySource source = ReplaySource.open(tampered)) {
      BlockReplay replay = new BlockReplayer(source).replay(target.number());
      Divergence divergence = replay.divergence().orElseThrow();
      assertEquals(target.number(), divergence.blockNumber());
      assertEquals(txIndex, divergence.txIndex().orElseThrow());
      assertEquals("txs[" + txIndex + "].effects.noteHashes[0]", divergence.field());
      assertEquals(Fr.of(424242).toString(), divergence.journaled());
      // execution went on: the tampered leaf is what went into the tree, and the root no longer matches
      assertEquals(Fr.of(424242), replay.txs().get(txIndex).noteHashes().get(0).value());
      assertFalse(replay.end().orElseThrow().noteHashTree().equals(target.header().state().noteHashTree()));
    }
  }

  @Test
  void aTamperedRootIsNamedWhenReplayingItsBlockAndWhenRebuildingTheStateAboveIt() throws Exception {
    L2Block target = chain.get(1);
    Path tampered = temp.resolve("tampered-root");
    JournalRewriter.copy(dataDir, tampered, event -> event instanceof Sequencer.BlockBuilt b && b.blockNumber() == target.number()
        ? new Sequencer.BlockBuilt(b.blockNumber(), withNullifierRoot(b.block(), Fr.of(99)))
        : event);
    try (ReplaySource source = ReplaySource.open(tampered)) {
      BlockReplayer replayer = new BlockReplayer(source);
      Divergence atBlock = replayer.replay(target.number()).divergence().orElseThrow();
      assertEquals(target.number(), atBlock.blockNumber());
      assertEquals("header.state.nullifierTree.root", atBlock.field());
      assertEquals(Fr.of(99).toString(), atBlock.journaled());
      assertEquals(target.header().state().nullifierTree().root().toString(), atBlock.recomputed());
      BlockReplay above = replayer.replay(target.number() + 2);
      assertEquals(Optional.of(atBlock), above.divergence());
      assertEquals(Optional.of(atBlock), replayer.replayAll());
    }
  }

  // ---- expectations from Aztec's layout -------------------------------------------------------------------------

  /** Walks the chain in order, predicting where each tx's leaves land and what each slot held. */
  private static final class Expected {
    long txsBefore;
    long createdSlots;
    int updatedSlots;
    final Map<Fr, Fr> slotValues = new HashMap<>();
    final Map<Fr, Long> slotLeaves = new HashMap<>();

    void check(L2Block block, BlockReplay replay) {
      assertEquals(block.txEffects().size(), replay.txs().size());
      for (int i = 0; i < block.txEffects().size(); i++) {
        TxEffects effects = block.txEffects().get(i).effects();
        TxDiff diff = replay.txs().get(i);
        assertEquals(block.txEffects().get(i).txHash(), diff.txHash());
        long firstNullifier = Constants.INITIAL_NULLIFIER_TREE_SIZE + (long) Constants.MAX_NULLIFIERS_PER_TX * txsBefore;
        long firstNoteHash = (long) Constants.MAX_NOTE_HASHES_PER_TX * txsBefore;
        for (int j = 0; j < effects.nullifiers().size(); j++) {
          assertEquals(new TxDiff.Leaf(firstNullifier + j, effects.nullifiers().get(j)), diff.nullifiers().get(j));
        }
        for (int j = 0; j < effects.noteHashes().size(); j++) {
          assertEquals(new TxDiff.Leaf(firstNoteHash + j, effects.noteHashes().get(j)), diff.noteHashes().get(j));
        }
        assertEquals(effects.publicDataWrites().size(), diff.publicData().size());
        for (int j = 0; j < effects.publicDataWrites().size(); j++) {
          checkWrite(effects.publicDataWrites().get(j), diff.publicData().get(j));
        }
        assertEquals(effects.privateLogs(), diff.privateLogs());
        txsBefore++;
      }
    }

    private void checkWrite(PublicDataWrite write, TxDiff.SlotWrite actual) {
      Fr old = slotValues.get(write.leafSlot());
      if (old == null) {
        slotLeaves.put(write.leafSlot(), Constants.INITIAL_PUBLIC_DATA_TREE_SIZE + createdSlots++);
      } else {
        updatedSlots++;
      }
      assertEquals(new TxDiff.SlotWrite(write.leafSlot(), old == null ? Fr.ZERO : old, write.value(), old == null,
          slotLeaves.get(write.leafSlot())), actual);
      slotValues.put(write.leafSlot(), write.value());
    }
  }

  private static StateReference genesisState() {
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      return StateReference.of(genesis);
    }
  }

  private static Optional<PublicDataWrite> firstWrite(L2Block block) {
    return block.txEffects().stream().flatMap(tx -> tx.effects().publicDataWrites().stream()).findFirst();
  }

  private static int indexOfTxWithNoteHash(L2Block block) {
    for (int i = 0; i < block.txEffects().size(); i++) {
      if (!block.txEffects().get(i).effects().noteHashes().isEmpty()) {
        return i;
      }
    }
    throw new AssertionError("block " + block.number() + " has no note hash to tamper with");
  }

  private static L2Block withNoteHash(L2Block block, int txIndex, Fr noteHash) {
    List<TxEffect> txs = new ArrayList<>(block.txEffects());
    TxEffect tx = txs.get(txIndex);
    TxEffects e = tx.effects();
    List<Fr> noteHashes = new ArrayList<>(e.noteHashes());
    noteHashes.set(0, noteHash);
    txs.set(txIndex, new TxEffect(tx.txHash(), tx.transactionFee(), new TxEffects(e.nullifiers(), noteHashes,
        e.publicDataWrites(), e.l2ToL1Messages(), e.privateLogs(), e.publicLogs())));
    return new L2Block(block.header(), block.archive(), txs);
  }

  private static L2Block withNullifierRoot(L2Block block, Fr root) {
    BlockHeader h = block.header();
    StateReference s = h.state();
    StateReference state = new StateReference(s.l1ToL2MessageTree(), s.noteHashTree(),
        new TreeInfo(root, s.nullifierTree().size()), s.publicDataTree());
    return new L2Block(new BlockHeader(h.lastArchive(), state, h.spongeBlobHash(), h.globals(), h.totalFees(),
        h.totalManaUsed()), block.archive(), block.txEffects());
  }

  private static Map<Path, String> fingerprint(Path root) throws IOException {
    Map<Path, String> prints = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        prints.put(root.relativize(file), Files.getLastModifiedTime(file) + " " + sha256(file));
      }
    }
    return prints;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
