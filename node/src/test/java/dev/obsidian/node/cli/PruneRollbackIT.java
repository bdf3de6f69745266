package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.replay.BlockReplayer;
import dev.obsidian.actors.replay.ReplaySource;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.l1.AnvilProcess;
import dev.obsidian.l1.Deployer;
import dev.obsidian.l1.FollowerNode;
import dev.obsidian.l1.L1Client;
import dev.obsidian.l1.L1Contracts;
import dev.obsidian.l1.L1Node;
import dev.obsidian.l1.L1PrivateKey;
import dev.obsidian.l1.RollupClient;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.NodeServer;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.RpcLimits;
import dev.obsidian.node.rpc.TxJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deep L1 disturbance past the prune window, on a real Anvil with a Rollup deployed with a small prune window and no
 * proof checking (blocks stay unproven): the sequencer node builds blocks, L1 then runs long enough for the Rollup to
 * consider them prunable, and the node rolls its chain back to the last block L1 keeps, puts the dropped txs back in
 * its mempool and builds again. At the end the Rollup and the node agree on every block (archive roots), every tx
 * accepted is in exactly one block, and a restarted node and the replay tool agree with the rolled-back journal.
 */
class PruneRollbackIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final long PRUNE_WINDOW_L1_BLOCKS = 6;
  private static final String DEV_KEY_0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  @TempDir Path dir;

  private final RandomTxs random = new RandomTxs(29, 31337, 1).withMaxEffects(2, 1, 1, 1);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  @Test
  void aPrunedChainIsRolledBackItsTxsRestoredAndRebuiltUntilTheRollupAndTheNodeAgree() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(AnvilProcess.Options.ephemeral());
        L1Client deployer = L1Client.connect(anvil.rpcUrl(), L1PrivateKey.ANVIL_DEV_ACCOUNT_0, 31337,
            Duration.ofSeconds(30))) {
      L1Contracts contracts = Deployer.deploy(deployer, new Deployer.Options(deployer.sender(),
          Constants.GENESIS_ARCHIVE_ROOT, 1, PRUNE_WINDOW_L1_BLOCKS, Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.ZERO));
      Path data = dir.resolve("sequencer");
      Files.createDirectories(data.resolve("l1"));
      contracts.writeTo(data.resolve("l1").resolve("contracts.json"));
      ObsidianSettings settings = new SandboxSettings().dataDir(data).port(0).blockTime(Duration.ofMillis(100))
          .flag("--l1-rpc-url", "obsidian.l1.rpc-url", anvil.rpcUrl())
          .flag("--l1-confirmations", "obsidian.l1.publisher.confirmations", 1)
          .load(null, Map.of());
      Map<String, String> env = Map.of(L1Node.KEY_ENV, DEV_KEY_0);
      RollupClient rollup = new RollupClient(deployer, contracts.rollup());
      List<Tx> accepted = new ArrayList<>();
      List<L2Block> before;

      try (NodeServer node = NodeServer.start(settings, RpcLimits.defaults(settings.limits()), NodeClock.system(),
          env)) {
        RpcClient rpc = new RpcClient(node.url(), Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
          Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
          rpc.call("node_sendTx", TxJson.encode(tx));
          accepted.add(tx);
          awaitMined(rpc, tx);
        }
        long height = rpc.call("node_getBlockNumber").asLong();
        await(() -> rollup.pendingBlockNumber() == height, "blocks 1.." + height + " on L1");
        before = node.api().getBlocks(1, (int) height).toCompletableFuture().get();
        assertAgree(rollup, before);
        assertTrue(rollup.prunedLogs(0).isEmpty(), "nothing pruned yet");
        // a follower that rebuilt the old chain from L1
        ObsidianSettings followerSettings = new SandboxSettings().dataDir(dir.resolve("follower")).port(0)
            .flag("--l1-rpc-url", "obsidian.l1.rpc-url", anvil.rpcUrl()).load(null, Map.of());
        FollowerNode follower = FollowerNode.start(followerSettings, anvil.rpcUrl(), contracts.rollup(),
            OptionalLong.empty());
        try {
        await(() -> sameBlocks(follower, before), "the follower has the old chain");

        // a long L1 stretch with no proof: the prune window of the unproven blocks passes
        anvilMine(anvil.rpcUrl(), 3 * PRUNE_WINDOW_L1_BLOCKS);
        assertTrue(rollup.canPrune());

        // the node gives its chain up, restores the txs, rebuilds; the rebuilt block's proposal prunes the old ones
        await(() -> !rollup.prunedLogs(0).isEmpty() && agrees(rollup, node) && allMined(rpc, accepted),
            "the node rolls back, rebuilds and L1 takes the rebuilt chain");
        List<L2Block> after = blocks(node);
        assertAgree(rollup, after);
        assertNotEquals(before.get(0).archive().root(), after.get(0).archive().root(),
            "block 1 was rebuilt (with the restored txs)");
        RollupClient.PrunedLog pruned = rollup.prunedLogs(0).get(0);
        assertEquals(0, pruned.provenBlockNumber());
        assertEquals(before.size(), pruned.pendingBlockNumber(), "the Rollup pruned every old block");
        assertEachOnce(accepted, after);
        assertTrue(allMined(rpc, accepted), "every accepted tx has a mined receipt");
        assertEquals(0, rpc.call("node_getPendingTxCount").asLong(), "none left pending");

        // the node keeps building on the kept chain
        Tx later = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        rpc.call("node_sendTx", TxJson.encode(later));
        accepted.add(later);
        awaitMined(rpc, later);
        await(() -> agrees(rollup, node), "the later block on L1");
        assertEachOnce(accepted, blocks(node));
        List<L2Block> rebuilt = blocks(node);
        // the follower, whose chain is L1's, replaced the pruned blocks with the rebuilt ones
        await(() -> sameBlocks(follower, rebuilt), "the follower follows the rebuilt chain");
        } finally {
          follower.close();
        }
      }

      // a restart recovers the rolled-back journal exactly: same chain, L1 still agrees
      List<L2Block> journaled;
      try (NodeServer node = NodeServer.start(settings, RpcLimits.defaults(settings.limits()), NodeClock.system(),
          env)) {
        journaled = blocks(node);
        assertAgree(rollup, journaled);
        assertEachOnce(accepted, journaled);
      }

      // the replay tool re-executes every block of the rolled-back journal with every root matching
      ReplaySource source = ReplaySource.open(data);
      try {
        BlockReplayer replayer = new BlockReplayer(source);
        for (L2Block block : journaled) {
          assertTrue(replayer.replay(block.number()).matches(), "block " + block.number() + " replays");
        }
      } finally {
        source.close();
      }

      // determinism: a fresh data dir holding only a copy of the journal rebuilds the same chain by catch-up
      Path fresh = dir.resolve("fresh");
      copyTree(data.resolve("journal"), fresh.resolve("journal"));
      ObsidianSettings freshSettings = new SandboxSettings().dataDir(fresh).port(0).load(null, Map.of());
      try (dev.obsidian.actors.ActorNode rebuilt = dev.obsidian.actors.NodeGuardian.start(freshSettings,
          NodeClock.system())) {
        assertEquals(journaled.size(), rebuilt.getBlockNumber().toCompletableFuture().get());
        for (L2Block block : journaled) {
          assertEquals(block, rebuilt.getBlock(block.number()).toCompletableFuture().get().orElseThrow());
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static List<L2Block> blocks(NodeServer node) throws Exception {
    long height = node.api().getBlockNumber().toCompletableFuture().get();
    return height == 0 ? List.of() : node.api().getBlocks(1, (int) height).toCompletableFuture().get();
  }

  private static boolean sameBlocks(FollowerNode follower, List<L2Block> expected) {
    try {
      long height = follower.node().getBlockNumber().toCompletableFuture().get();
      return height == expected.size()
          && follower.node().getBlocks(1, (int) height).toCompletableFuture().get().equals(expected);
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean agrees(RollupClient rollup, NodeServer node) {
    try {
      List<L2Block> blocks = blocks(node);
      if (blocks.isEmpty() || rollup.pendingBlockNumber() != blocks.size()) {
        return false;
      }
      for (L2Block block : blocks) {
        if (!rollup.archiveAt(block.number()).equals(block.archive().root())) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static void assertAgree(RollupClient rollup, List<L2Block> blocks) {
    assertEquals(blocks.size(), rollup.pendingBlockNumber(), "the Rollup's pending height");
    for (L2Block block : blocks) {
      assertEquals(block.archive().root(), rollup.archiveAt(block.number()), "archive of block " + block.number());
    }
  }

  /** Every accepted tx is in exactly one block, and no block holds a tx twice. */
  private static void assertEachOnce(List<Tx> accepted, List<L2Block> blocks) {
    Map<TxHash, Integer> count = new HashMap<>();
    for (L2Block block : blocks) {
      for (TxEffect effect : block.txEffects()) {
        count.merge(effect.txHash(), 1, Integer::sum);
      }
    }
    for (Tx tx : accepted) {
      assertEquals(1, count.getOrDefault(tx.hash(), 0), "tx " + tx.hash() + " included once");
    }
    assertEquals(accepted.size(), count.size(), "no other txs");
  }

  private static boolean allMined(RpcClient rpc, List<Tx> txs) {
    for (Tx tx : txs) {
      String status = rpc.call("node_getTxReceipt", tx.hash().value().toHex()).get("status").asText();
      if (!List.of("mined", "proven").contains(status)) {
        return false;
      }
    }
    return true;
  }

  private static void awaitMined(RpcClient rpc, Tx tx) throws InterruptedException {
    await(() -> allMined(rpc, List.of(tx)), tx.hash() + " mined");
  }

  private static void anvilMine(String url, long blocks) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"anvil_mine\",\"params\":[\"0x"
        + Long.toHexString(blocks) + "\"]}";
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(!response.body().contains("\"error\""), response.body());
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(100);
    }
  }
}
