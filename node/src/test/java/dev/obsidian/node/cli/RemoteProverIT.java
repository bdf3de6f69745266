package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.BlockProofs;
import dev.obsidian.actors.L1Wiring;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.replay.NodeJournal;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.circuits.groth16.KeyCodec;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.Proving;
import dev.obsidian.prover.Groth16BlockProver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proving in another JVM: a node with no local workers listens on a cluster port, `obsidian prover --join` runs in a
 * child JVM, registers its worker through the cluster Receptionist, and every block's proofs come from it (the
 * journaled worker address names the child's port) and verify.
 */
class RemoteProverIT {
  @TempDir Path dataDir;
  private final AtomicLong clockMillis = new AtomicLong(1_700_000_000_000L);

  @Test
  void jobsAreProvenByAWorkerInASecondJvm() throws Exception {
    int clusterPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      clusterPort = socket.getLocalPort();
    }
    ObsidianSettings settings = SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", 100,
        "obsidian.prover.enabled", true,
        "obsidian.prover.workers", 0,
        "obsidian.prover.max-base-capacity", 2,
        "obsidian.prover.max-block-txs", 1,
        "obsidian.prover.cluster-port", clusterPort)), Map.of());
    Groth16BlockProver prover = (Groth16BlockProver) Proving.prover(settings, System.getenv());
    Path log = dataDir.resolve("prover.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xss4m", "-cp", System.getProperty("java.class.path"),
        ObsidianCli.class.getName(), "prover", "--join", "127.0.0.1:" + clusterPort, "--workers", "1",
        "--max-base-capacity", "2", "--max-block-txs", "1"));
    List<Tx> sent = new ArrayList<>();
    String workerAddress;
    long blocks;
    try (ActorNode node = NodeGuardian.start(settings, () -> clockMillis.addAndGet(1000), L1Wiring.NONE, prover)) {
      Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(5, TimeUnit.MINUTES);
        assertTrue(ready != null && ready.startsWith("prover ready: 1 workers joined 127.0.0.1:" + clusterPort),
            ready + " (see " + log + ")");
        workerAddress = ready.substring(ready.indexOf(" as ") + 4);
        RandomTxs random = new RandomTxs(99, 31337, 1).withMaxEffects(2, 1, 2, 0);
        try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
          for (int i = 0; i < 2; i++) {
            Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
            assertEquals(new TxVerdict.Accepted(tx.hash()), node.sendTx(tx).toCompletableFuture().get());
            sent.add(tx);
          }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (!(sent.stream().allMatch(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent())
            && node.getProvenBlockNumber().toCompletableFuture().join()
                .equals(node.getBlockNumber().toCompletableFuture().join()))) {
          assertTrue(System.nanoTime() < deadline, "blocks not proven within 6 minutes (see " + log + ")");
          Thread.sleep(200);
        }
        blocks = node.getBlockNumber().toCompletableFuture().get();
      } finally {
        child.destroy();
        child.waitFor(60, TimeUnit.SECONDS);
      }
      // the prover's exit does not take the node down (the cluster's downing keeps the oldest member, the node)
      Thread.sleep(20_000); // past unreachability (10 s heartbeat pause) and the downing decision (5 s stable)
      assertEquals(blocks, node.sequencerStatus().toCompletableFuture().get(10, TimeUnit.SECONDS).lastBlockNumber());
    }
    List<BlockProofs.ProofsRecorded> recorded = NodeJournal.readEmbedded(dataDir).blockProofs();
    assertEquals(blocks, recorded.size());
    int baseProofs = 0;
    for (BlockProofs.ProofsRecorded block : recorded) {
      for (BlockProofs.AcceptedProof proof : block.proofs()) {
        assertTrue(proof.worker().startsWith(workerAddress + "/"), proof.worker() + " is not in " + workerAddress);
        var vk = prover.variants().get(proof.circuit()).key().provingKey().verifyingKey();
        assertTrue(Verifier.verify(vk, proof.publicInputs(), KeyCodec.decodeProof(proof.proof())), proof.circuit());
        baseProofs += proof.circuit().startsWith("base-rollup-") ? 1 : 0;
      }
      assertEquals("block-root-1", block.proofs().get(block.proofs().size() - 1).circuit(), "the last job is the root");
    }
    assertEquals(sent.size(), baseProofs);
  }

  private static String readLine(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("prover ready")) {
          return line;
        }
      }
      return null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
