package dev.obsidian.node.cli.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.testkit.JournalRewriter;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.config.SettingsLoader;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.cli.ObsidianCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code obsidian replay} and {@code obsidian state} on the data dir of a real node run in this JVM. Expected indexes
 * follow Aztec's layout (block 1's first tx inserts its first nullifier at 128, its first note hash at 0); a public slot
 * is written at Aztec's leaf slot of (contract 0x1234, slot 7).
 */
class ReplayCommandIT {
  private static final AztecAddress CONTRACT = AztecAddress.of(0x1234);
  private static final Fr SLOT = Fr.of(7);
  private static final Fr VALUE = Fr.of(99);

  @TempDir static Path temp;
  private static Path dataDir;
  private static final List<L2Block> blocks = new ArrayList<>();
  private static Tx firstTx;

  @BeforeAll
  static void runNode() throws Exception {
    dataDir = temp.resolve("node");
    var settings = SettingsLoader.load(ConfigFactory.parseMap(Map.of("obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", 100, "obsidian.merkle.history-blocks", 0)), Map.of());
    AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    RandomTxs random = new RandomTxs(11, settings.node().chainId(), 1);
    try (ActorNode node = NodeGuardian.start(settings, () -> clock.addAndGet(1000));
        WorldStateFork empty = WorldStateFork.inMemoryGenesis()) {
      for (int block = 1; block <= 3; block++) {
        List<Tx> batch = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          batch.add(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, empty));
        }
        if (block == 2) {
          batch.add(writing(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, empty)));
        }
        for (Tx tx : batch) {
          assertInstanceOf(TxVerdict.Accepted.class, node.sendTx(tx).toCompletableFuture().get());
        }
        firstTx = firstTx == null ? batch.get(0) : firstTx;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!batch.stream().allMatch(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent())) {
          assertTrue(System.nanoTime() < deadline, "txs not mined within 30 s");
          Thread.sleep(20);
        }
      }
      long latest = node.getBlockNumber().toCompletableFuture().get();
      for (long n = 1; n <= latest; n++) {
        blocks.add(node.getBlock(n).toCompletableFuture().get().orElseThrow());
      }
    }
  }

  private static Tx writing(Tx tx) {
    TxEffects e = tx.effects();
    PublicDataWrite write = new PublicDataWrite(ProtocolHashes.computePublicDataTreeLeafSlot(CONTRACT, SLOT), VALUE);
    return new Tx(tx.anchorBlockHash(), tx.chainId(), tx.rollupVersion(), new TxEffects(e.nullifiers(), e.noteHashes(),
        List.of(write), List.of(), e.privateLogs(), List.of()), tx.publicCalls(), tx.gasSettings(), tx.feePayer(),
        tx.expiration(), tx.proof());
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run cli(String... args) {
    CommandLine commandLine = ObsidianCli.newCommandLine(Map.of());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Run(commandLine.execute(args), out.toString(), err.toString());
  }

  @Test
  void replayOfAnUntouchedBlockPrintsItsDiffsAndExitsZero() {
    Run run = cli("replay", "--data-dir", dataDir.toString(), "--block", "1");
    assertEquals(0, run.exitCode(), run.err());
    String tx0 = "tx 0 " + blocks.get(0).txEffects().get(0).txHash();
    assertTrue(run.out().contains(tx0), run.out());
    assertTrue(run.out().contains("  nullifier    [128] " + blocks.get(0).txEffects().get(0).effects().nullifiers().get(0)),
        run.out());
    assertTrue(run.out().contains("  end     note-hash " + blocks.get(0).header().state().noteHashTree().root()), run.out());
    assertTrue(run.out().strip().endsWith(")") && run.out().contains("ok: block 1 matches the journal"), run.out());
  }

  @Test
  void jsonShowsOneTxWithItsSlotWriteOldAndNew() {
    L2Block block = blockWithWrite();
    int index = txWithWrite(block);
    Run run = cli("replay", "--data-dir", dataDir.toString(), "--block", Long.toString(block.number()),
        "--tx", Integer.toString(index), "--json");
    assertEquals(0, run.exitCode(), run.err());
    String json = run.out().strip();
    assertTrue(json.startsWith("{\"blockNumber\":" + block.number() + ",\"blockHash\":\"" + block.hash() + "\""), json);
    long leafIndex = Constants.INITIAL_PUBLIC_DATA_TREE_SIZE + slotsWrittenBefore(block, index);
    assertTrue(json.contains("\"publicData\":[{\"leafSlot\":\"" + LEAF_SLOT + "\",\"oldValue\":\"" + Fr.ZERO
        + "\",\"newValue\":\"" + VALUE + "\",\"created\":true,\"leafIndex\":" + leafIndex + "}"), json);
    assertEquals(1, json.split("\"txHash\"").length - 1, "only tx " + index + " is shown: " + json);
    assertTrue(json.endsWith("\"matches\":true,\"divergence\":null}"), json);
  }

  @Test
  void aTamperedJournalExitsOneNamingBlockAndField() throws Exception {
    Path tampered = temp.resolve("tampered");
    JournalRewriter.copy(dataDir, tampered, event -> event instanceof Sequencer.BlockBuilt b && b.blockNumber() == 2
        ? new Sequencer.BlockBuilt(2, withNoteHashRoot(b.block(), Fr.of(5)))
        : event);
    Run run = cli("replay", "--data-dir", tampered.toString(), "--block", "2");
    assertEquals(ReplayCommand.EXIT_DIVERGENCE, run.exitCode(), run.err());
    assertTrue(run.out().contains("DIVERGENCE block 2 header.state.noteHashTree.root: the journal has " + Fr.of(5)
        + " but re-execution gives " + blocks.get(1).header().state().noteHashTree().root()), run.out());
    Run above = cli("replay", "--data-dir", tampered.toString(), "--block", "3", "--json");
    assertEquals(ReplayCommand.EXIT_DIVERGENCE, above.exitCode(), above.err());
    assertTrue(above.out().contains("\"divergence\":{\"blockNumber\":2,\"txIndex\":null,\"field\":\"header.state.noteHashTree.root\""),
        above.out());
  }

  @Test
  void stateReadsRootsLeavesAndPublicStorageAtPastBlocks() {
    L2Block block = blocks.get(1);
    String dir = dataDir.toString();
    Run roots = cli("state", "--data-dir", dir, "--block", "2");
    assertEquals(0, roots.exitCode(), roots.err());
    StateReference state = block.header().state();
    assertTrue(roots.out().contains(String.format("%-12s %s %d", "note-hash", state.noteHashTree().root(),
        state.noteHashTree().size())), roots.out());
    assertTrue(roots.out().contains(String.format("%-12s %s %d", "archive", block.archive().root(), block.archive().size())),
        roots.out());
    Run leaf = cli("state", "--data-dir", dir, "--block", "1", "--tree", "nullifier", "--leaf", "128", "--json");
    assertEquals(0, leaf.exitCode(), leaf.err());
    assertTrue(leaf.out().contains("\"preimage\":{\"nullifier\":\"" + firstTx.effects().nullifiers().get(0) + "\""), leaf.out());
    long written = blockWithWrite().number();
    Run slot = cli("state", "--data-dir", dir, "--block", Long.toString(written), "--public-slot", "0x1234", "7");
    assertTrue(slot.out().startsWith(VALUE + " (leaf slot "), slot.out());
    Run before = cli("state", "--data-dir", dir, "--block", Long.toString(written - 1), "--public-slot", "0x1234", "7");
    assertTrue(before.out().startsWith(Fr.ZERO + " (leaf slot ") && before.out().contains("never written"), before.out());
  }

  @Test
  void badArgumentsExitTwoWithTheReason() {
    String dir = dataDir.toString();
    Run beyond = cli("replay", "--data-dir", dir, "--block", "99");
    assertEquals(ObsidianCli.EXIT_USAGE, beyond.exitCode());
    assertTrue(beyond.err().contains("block 99 is not in the journal, which holds blocks 1.." + blocks.size()), beyond.err());
    Run noTx = cli("replay", "--data-dir", dir, "--block", "1", "--tx", "9");
    assertEquals(ObsidianCli.EXIT_USAGE, noTx.exitCode());
    assertTrue(noTx.err().contains("--tx 9 is not in block 1"), noTx.err());
    Run noDir = cli("state", "--data-dir", temp.resolve("missing").toString(), "--block", "1");
    assertEquals(ObsidianCli.EXIT_USAGE, noDir.exitCode());
    assertTrue(noDir.err().contains("does not exist"), noDir.err());
    Run leafOnly = cli("state", "--data-dir", dir, "--block", "1", "--leaf", "3");
    assertEquals(ObsidianCli.EXIT_USAGE, leafOnly.exitCode());
    Run beyondLeaf = cli("state", "--data-dir", dir, "--block", "1", "--tree", "note-hash", "--leaf", "100000");
    assertEquals(ObsidianCli.EXIT_USAGE, beyondLeaf.exitCode());
    assertTrue(beyondLeaf.err().contains("beyond the note-hash tree"), beyondLeaf.err());
  }

  private static final Fr LEAF_SLOT = ProtocolHashes.computePublicDataTreeLeafSlot(CONTRACT, SLOT);

  private static L2Block blockWithWrite() {
    return blocks.stream().filter(b -> txWithWrite(b) >= 0).findFirst().orElseThrow();
  }

  private static int txWithWrite(L2Block block) {
    for (int i = 0; i < block.txEffects().size(); i++) {
      if (block.txEffects().get(i).effects().publicDataWrites().stream().anyMatch(w -> w.leafSlot().equals(LEAF_SLOT))) {
        return i;
      }
    }
    return -1;
  }

  /** Slots are appended in write order after the 128 prefilled leaves (random slots never repeat). */
  private static long slotsWrittenBefore(L2Block block, int txIndex) {
    long count = 0;
    for (L2Block earlier : blocks) {
      for (int i = 0; i < earlier.txEffects().size(); i++) {
        if (earlier.number() == block.number() && i == txIndex) {
          return count;
        }
        count += earlier.txEffects().get(i).effects().publicDataWrites().size();
      }
    }
    throw new AssertionError("tx " + txIndex + " of block " + block.number() + " not found");
  }

  private static L2Block withNoteHashRoot(L2Block block, Fr root) {
    BlockHeader h = block.header();
    StateReference s = h.state();
    StateReference state = new StateReference(s.l1ToL2MessageTree(), new TreeInfo(root, s.noteHashTree().size()),
        s.nullifierTree(), s.publicDataTree());
    return new L2Block(new BlockHeader(h.lastArchive(), state, h.spongeBlobHash(), h.globals(), h.totalFees(),
        h.totalManaUsed()), block.archive(), block.txEffects());
  }
}
