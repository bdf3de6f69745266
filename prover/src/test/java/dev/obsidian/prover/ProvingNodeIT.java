package dev.obsidian.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.BlockProofs;
import dev.obsidian.actors.L1Wiring;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.actors.TxStatus;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.replay.NodeJournal;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.circuits.groth16.KeyCodec;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.groth16.VerifyingKey;
import dev.obsidian.circuits.rollup.BlockRootCircuit;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with proving on and no L1: each tx's base rollup and the block's root are proven by two local workers,
 * verified by the node, journaled, and the block becomes proven (no L1 checks proofs here: the node's verifier judges). The journaled proofs are then checked again with the verifying key read back from the
 * key file, and their public inputs against the blocks' own state references.
 */
class ProvingNodeIT {
  @TempDir Path dataDir;
  private final AtomicLong clockMillis = new AtomicLong(1_700_000_000_000L);

  @Test
  void blocksBecomeProvenOnlyWithVerifiedJournaledBaseRollupProofs() throws Exception {
    ObsidianSettings settings = SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", 100,
        "obsidian.merkle.history-blocks", 0,
        "obsidian.prover.enabled", true,
        "obsidian.prover.workers", 2,
        "obsidian.prover.max-base-capacity", 2,
        "obsidian.prover.max-block-txs", 1)), Map.of());
    KeyStore keys = new KeyStore(settings.prover().resolvedKeyDir(System.getenv()), System.out);
    Groth16BlockProver prover = Groth16BlockProver.load(keys, 2, 1, System.out);
    RandomTxs random = new RandomTxs(77, 31337, 1).withMaxEffects(2, 1, 2, 1);
    List<Tx> sent = new ArrayList<>();
    long blocks;
    try (ActorNode node = NodeGuardian.start(settings, () -> clockMillis.addAndGet(1000), L1Wiring.NONE, prover)) {
      assertTrue(node.getNodeInfo().toCompletableFuture().get().notes().stream()
          .anyMatch(note -> note.startsWith("proving is on")));
      try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
        for (int i = 0; i < 3; i++) {
          Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
          assertEquals(new TxVerdict.Accepted(tx.hash()), node.sendTx(tx).toCompletableFuture().get());
          sent.add(tx);
        }
      }
      await(() -> sent.stream().allMatch(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent()));
      blocks = node.getBlockNumber().toCompletableFuture().get();
      await(() -> node.getProvenBlockNumber().toCompletableFuture().join() == blocks);
      for (Tx tx : sent) {
        assertEquals(TxStatus.PROVEN, node.getTxReceipt(tx.hash()).toCompletableFuture().get().status());
      }
    }

    NodeJournal journal = NodeJournal.readEmbedded(dataDir);
    List<BlockProofs.ProofsRecorded> recorded = journal.blockProofs();
    assertEquals(blocks, recorded.size());
    VerifyingKey vk = KeyCodec.read(keys.directory().resolve("base-rollup-2.pk"), manifestHash(keys, "base-rollup-2"))
        .verifyingKey();
    VerifyingKey rootVk = KeyCodec.read(keys.directory().resolve("block-root-1.pk"),
        manifestHash(keys, "block-root-1")).verifyingKey();
    List<String> rootNames = BlockRootCircuit.publicInputNames(1);
    int proofs = 0;
    for (BlockProofs.ProofsRecorded block : recorded) {
      L2Block built = journal.block(block.blockNumber());
      StateReference before;
      if (block.blockNumber() == 1) {
        try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
          before = StateReference.of(genesis);
        }
      } else {
        before = journal.block(block.blockNumber() - 1).header().state();
      }
      // one base proof per tx (max-block-txs 1: at most one), then the block root
      int txs = built.txEffects().size();
      assertEquals(txs + 1, block.proofs().size());
      BlockProofs.AcceptedProof root = block.proofs().get(txs);
      assertEquals("block-root-1", root.circuit());
      assertTrue(Verifier.verify(rootVk, root.publicInputs(), KeyCodec.decodeProof(root.proof())),
          "journaled block root proof of block " + block.blockNumber());
      // the block root proves this block: its header hash and the archive after it, from the parent's archive
      assertEquals(built.hash(), root.publicInputs().get(rootNames.indexOf("blockHash")));
      assertEquals(built.archive().root(), root.publicInputs().get(rootNames.indexOf("archiveRoot")));
      assertEquals(built.header().lastArchive().root(), root.publicInputs().get(rootNames.indexOf("lastArchive.root")));
      List<Fr> previousEnd = snapshot(before);
      for (BlockProofs.AcceptedProof proof : block.proofs().subList(0, txs)) {
        assertEquals("base-rollup-2", proof.circuit());
        assertTrue(Verifier.verify(vk, proof.publicInputs(), KeyCodec.decodeProof(proof.proof())),
            "journaled proof of block " + block.blockNumber() + " tx " + proof.index());
        // the proofs chain: each starts where the previous ended, from the parent's state to the block's
        assertEquals(previousEnd, proof.publicInputs().subList(0, 6));
        previousEnd = proof.publicInputs().subList(6, 12);
        assertEquals(Groth16BlockProver.treeEffects(built.txEffects().get(proof.index())).commitment(),
            proof.publicInputs().get(12));
        proofs++;
      }
      assertEquals(snapshot(built.header().state()), previousEnd);
      // a proof does not verify for other public inputs
      BlockProofs.AcceptedProof first = block.proofs().get(0);
      List<Fr> tampered = new ArrayList<>(first.publicInputs());
      tampered.set(12, tampered.get(12).add(Fr.ONE));
      assertTrue(!Verifier.verify(vk, tampered, KeyCodec.decodeProof(first.proof())));
    }
    assertEquals(sent.size(), proofs);
  }

  private static List<Fr> snapshot(StateReference state) {
    List<Fr> out = new ArrayList<>();
    for (TreeInfo tree : List.of(state.noteHashTree(), state.nullifierTree(), state.publicDataTree())) {
      out.add(tree.root());
      out.add(Fr.of(tree.size()));
    }
    return out;
  }

  private static String manifestHash(KeyStore keys, String circuit) throws Exception {
    return Files.readAllLines(keys.directory().resolve(circuit + ".key")).stream()
        .filter(line -> line.startsWith("pk-sha256=")).findFirst().orElseThrow().substring("pk-sha256=".length());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 minutes");
      }
      Thread.sleep(100);
    }
  }
}
