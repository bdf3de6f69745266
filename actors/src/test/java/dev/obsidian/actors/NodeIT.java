package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.LeafWitness;
import dev.obsidian.merkle.NullifierLeaf;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node in-process on the embedded journal: txs go in through NodeApi, blocks come out, and the trees' roots
 * equal an independent recomputation (the same effects inserted straight into fresh in-memory trees). Then the node is
 * stopped and restarted on the same data dir.
 */
class NodeIT {
  @TempDir Path dataDir;
  private final AtomicLong clockMillis = new AtomicLong(1_700_000_000_000L);

  private ObsidianSettings settings(int minTxs) {
    return SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", 100,
        "obsidian.sequencer.min-txs-per-block", minTxs,
        "obsidian.merkle.history-blocks", 0)), Map.of());
  }

  private ActorNode start(int minTxs) {
    return NodeGuardian.start(settings(minTxs), () -> clockMillis.addAndGet(1000));
  }

  @Test
  void txsAreMinedAndTheRootsMatchAnIndependentRecomputationAcrossARestart() throws Exception {
    RandomTxs random = new RandomTxs(2024, 31337, 1);
    List<Tx> sent = new ArrayList<>();
    try (ActorNode node = start(1)) {
      WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
      for (int i = 0; i < 6; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        assertEquals(new TxVerdict.Accepted(tx.hash()), node.sendTx(tx).toCompletableFuture().get());
        sent.add(tx);
      }
      // still pending: a duplicate; already mined (blocks come every 100 ms): its nullifier is in the tree
      Rejected again = rejected(node.sendTx(sent.get(0)).toCompletableFuture().get());
      assertTrue(List.of(TxVerdict.Code.DUPLICATE_TX, TxVerdict.Code.DOUBLE_SPEND).contains(again.code()), again.toString());
      await(() -> minedCount(node, sent) == sent.size() && pending(node) == 0);
      // proving is off by default: every block is published unproven and the node says so
      await(() -> node.sequencerStatus().toCompletableFuture().join().phase() == SlotPhase.IDLE);
      assertEquals(0, proven(node));
      assertTrue(node.getNodeInfo().toCompletableFuture().get().notes().stream()
          .anyMatch(note -> note.startsWith("proving is off")));
      checkRootsAgainstRecomputation(node);
      checkWitnesses(node, sent.get(3));
      assertEquals(TxStatus.MINED, node.getTxReceipt(sent.get(5).hash()).toCompletableFuture().get().status());
      Rejected spent = rejected(node.sendTx(sent.get(2)).toCompletableFuture().get());
      assertEquals(TxVerdict.Code.DOUBLE_SPEND, spent.code());
      checkStats(node, blockNumber(node));
      L2Block block0 = node.getBlock(0).toCompletableFuture().get().orElseThrow();
      assertEquals(Constants.GENESIS_BLOCK_HEADER_HASH, block0.hash());
      assertEquals(Constants.GENESIS_ARCHIVE_ROOT, block0.archive().root());
      assertEquals(block0.archive(), node.getBlock(1).toCompletableFuture().get().orElseThrow().header().lastArchive());
    }
    long blocksBefore;
    WorldStateSyncStatus before;
    Tx waiting;
    // second run: min 32 txs per block, so a submitted tx stays pending through the restart
    try (ActorNode node = start(32)) {
      blocksBefore = blockNumber(node);
      before = node.getWorldStateSyncStatus().toCompletableFuture().get();
      Fr anchor = node.getBlock(blocksBefore).toCompletableFuture().get().orElseThrow().hash();
      try (WorldStateFork empty = WorldStateFork.inMemoryGenesis()) {
        waiting = random.next(anchor, empty);
      }
      assertInstanceOf(TxVerdict.Accepted.class, node.sendTx(waiting).toCompletableFuture().get());
      checkRootsAgainstRecomputation(node);
    }
    try (ActorNode node = start(32)) {
      assertEquals(blocksBefore, blockNumber(node));
      assertEquals(before, node.getWorldStateSyncStatus().toCompletableFuture().get());
      assertEquals(1, pending(node));
      assertEquals(TxStatus.PENDING, node.getTxReceipt(waiting.hash()).toCompletableFuture().get().status());
      checkRootsAgainstRecomputation(node);
    }
  }

  /** The metrics' sources saw the run: every actor handled messages, and the journal took the blocks' and txs' events. */
  private static void checkStats(ActorNode node, long blocks) {
    var actors = node.actorStats().entries();
    for (String name : List.of("mempool", "sequencer", "world-state", "prover-coordinator")) {
      ActorStats.Entry entry = actors.get(name);
      assertTrue(entry != null && entry.messagesProcessed() > 0, name + " " + actors.keySet());
      assertTrue(entry.processingNanos() > 0 && entry.maxProcessingNanos() <= entry.processingNanos(), name);
      assertTrue(entry.mailboxSize() >= 0, name);
    }
    // each block journals at least BlockProposed, BlockBuilt, BlockProofRequested, BlockLeftUnproven, and its publication
    var journal = node.journalStats();
    assertTrue(journal.atomicWrites() >= 5 * blocks + 1, journal.atomicWrites() + " atomic writes for " + blocks + " blocks");
    assertTrue(journal.writes() >= 1 && journal.writes() <= journal.atomicWrites());
    assertTrue(journal.totalNanos() > 0 && journal.maxNanos() <= journal.totalNanos());
    assertEquals(0, journal.failures());
  }

  private record Rejected(TxVerdict.Code code) {}

  private static Rejected rejected(TxVerdict verdict) {
    return new Rejected(assertInstanceOf(TxVerdict.Rejected.class, verdict).code());
  }

  /** Replays every block's effects into fresh in-memory trees with the merkle API directly, not the node's code. */
  private static void checkRootsAgainstRecomputation(ActorNode node) throws Exception {
    try (WorldStateFork trees = WorldStateFork.inMemoryGenesis()) {
      long latest = blockNumber(node);
      for (long n = 1; n <= latest; n++) {
        L2Block block = node.getBlock(n).toCompletableFuture().get().orElseThrow();
        assertEquals(trees.treeInfo(TreeId.ARCHIVE), block.header().lastArchive(), "lastArchive of block " + n);
        for (TxEffect effect : block.txEffects()) {
          trees.insertTxNullifiers(effect.effects().nullifiers());
          List<Fr> noteHashes = new ArrayList<>(effect.effects().noteHashes());
          noteHashes.addAll(Collections.nCopies(Constants.MAX_NOTE_HASHES_PER_TX - noteHashes.size(), Fr.ZERO));
          trees.appendLeaves(TreeId.NOTE_HASH, noteHashes);
          for (PublicDataWrite write : effect.effects().publicDataWrites()) {
            trees.writePublicData(write.leafSlot(), write.value());
          }
        }
        assertEquals(trees.treeInfo(TreeId.NOTE_HASH), block.header().state().noteHashTree(), "note hashes of block " + n);
        assertEquals(trees.treeInfo(TreeId.NULLIFIER), block.header().state().nullifierTree(), "nullifiers of block " + n);
        assertEquals(trees.treeInfo(TreeId.PUBLIC_DATA), block.header().state().publicDataTree(), "public data of block " + n);
        trees.appendLeaves(TreeId.ARCHIVE, List.of(block.header().hash()));
        assertEquals(trees.treeInfo(TreeId.ARCHIVE), block.archive(), "archive of block " + n);
      }
    }
  }

  private static void checkWitnesses(ActorNode node, Tx tx) throws Exception {
    Fr nullifier = tx.effects().txNullifier();
    LeafWitness witness = node.getNullifierMembershipWitness(BlockParameter.LATEST, nullifier).toCompletableFuture().get()
        .orElseThrow();
    L2Block latest = node.getBlock(blockNumber(node)).toCompletableFuture().get().orElseThrow();
    assertEquals(latest.header().state().nullifierTree().root(),
        witness.path().rootFrom(witness.leaf().hash(), witness.index()));
    assertEquals(nullifier, ((NullifierLeaf) witness.leaf()).nullifier());
    assertTrue(node.getLowNullifierMembershipWitness(BlockParameter.LATEST, nullifier).toCompletableFuture().get().isEmpty());
    if (!tx.effects().noteHashes().isEmpty()) {
      Fr noteHash = tx.effects().noteHashes().get(0);
      MembershipWitness noteWitness = node.getNoteHashMembershipWitness(BlockParameter.LATEST, noteHash)
          .toCompletableFuture().get().orElseThrow();
      assertEquals(latest.header().state().noteHashTree().root(),
          noteWitness.siblingPath().rootFrom(noteHash, noteWitness.leafIndex()));
    }
    for (PublicDataWrite write : tx.effects().publicDataWrites()) {
      LeafWitness slot = node.getPublicDataWitness(BlockParameter.LATEST, write.leafSlot()).toCompletableFuture().get()
          .orElseThrow();
      assertEquals(write.leafSlot(), slot.leaf().key());
    }
  }

  private static long minedCount(ActorNode node, List<Tx> txs) {
    return txs.stream().filter(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent()).count();
  }

  private static long blockNumber(ActorNode node) {
    return node.getBlockNumber().toCompletableFuture().join();
  }

  private static long proven(ActorNode node) {
    return node.getProvenBlockNumber().toCompletableFuture().join();
  }

  private static int pending(ActorNode node) {
    return node.getPendingTxCount().toCompletableFuture().join();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(50);
    }
  }
}
