package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.l1.BlockSync;
import dev.obsidian.l1.FollowerNode;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.NodeServer;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.RpcLimits;
import dev.obsidian.node.rpc.TxJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follower mode against a real sandbox on a real Anvil: a follower started at genesis and one started after 50 blocks
 * both rebuild, from L1 calldata alone, blocks equal to the sequencer's (header with every root, archive, tx
 * effects) at every height; an L1 reorg dropping L1 blocks that hold proposals makes the publisher re-send them and
 * the followers unwind and re-sync to the same chain.
 */
class FollowerIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  private final RandomTxs random = new RandomTxs(9, 31337, 1).withMaxEffects(3, 1, 2, 2);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  @Test
  void followersAtGenesisAndAfter50BlocksMatchTheSequencerAndSurviveAnL1Reorg() throws Exception {
    ObsidianSettings sequencerSettings = new SandboxSettings().dataDir(dir.resolve("sequencer")).port(0)
        .blockTime(Duration.ofMillis(100)).flag("--anvil-port", "obsidian.l1.anvil-port", 0).load(null, Map.of());
    try (NodeServer sequencer = NodeServer.start(sequencerSettings, RpcLimits.defaults(sequencerSettings.limits()), NodeClock.system(),
        Map.of())) {
      String l1 = sequencer.l1().rpcUrl();
      RpcClient rpc = new RpcClient(sequencer.url(), Duration.ofSeconds(30));
      try (FollowerNode early = follow(dir.resolve("early"), sequencer)) {
        buildBlocks(rpc, 50);
        long height = rpc.call("node_getBlockNumber").asLong();
        assertTrue(height >= 50, "height " + height);
        try (FollowerNode late = follow(dir.resolve("late"), sequencer)) {
          awaitSameChain(sequencer, early, height);
          awaitSameChain(sequencer, late, height);

          // an L1 reorg drops the L1 blocks of the next 3 proposals
          RpcClient anvil = new RpcClient(java.net.URI.create(l1), TIMEOUT);
          String snapshot = anvil.call("evm_snapshot").asText();
          buildBlocks(rpc, 3);
          long reorged = rpc.call("node_getBlockNumber").asLong();
          awaitSameChain(sequencer, early, reorged);
          awaitSameChain(sequencer, late, reorged);
          assertTrue(anvil.call("evm_revert", snapshot).asBoolean());
          // the publisher re-sends them; the followers unwind to `height` and re-sync from L1
          awaitUnwound(early);
          awaitUnwound(late);
          awaitSameChain(sequencer, early, reorged);
          awaitSameChain(sequencer, late, reorged);
          assertTrue(early.archiverStatus().toCompletableFuture().get().reorgs() >= 1);
          buildBlocks(rpc, 2);
          long end = rpc.call("node_getBlockNumber").asLong();
          awaitSameChain(sequencer, early, end);
          awaitSameChain(sequencer, late, end);
          assertTrue(early.halted().toCompletableFuture().getNow("running").equals("running"));
        }
        // a restarted follower recovers its archiver from its journal, checks its blocks against its own store
        // (not applied twice) and follows on
        try (FollowerNode restarted = follow(dir.resolve("late"), sequencer)) {
          buildBlocks(rpc, 1);
          awaitSameChain(sequencer, restarted, rpc.call("node_getBlockNumber").asLong());
        }
      }
    }
  }

  private FollowerNode follow(Path dataDir, NodeServer sequencer) {
    ObsidianSettings settings = new SandboxSettings().dataDir(dataDir).port(0)
        .flag("--l1-rpc-url", "obsidian.l1.rpc-url", sequencer.l1().rpcUrl()).load(null, Map.of());
    return FollowerNode.start(settings, sequencer.l1().rpcUrl(), sequencer.l1().contracts().rollup(),
        OptionalLong.empty());
  }

  /** Sends one tx at a time and waits for each to be mined, so each lands in a block of its own. */
  private void buildBlocks(RpcClient rpc, int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      long before = rpc.call("node_getBlockNumber").asLong();
      Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      rpc.call("node_sendTx", TxJson.encode(tx));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (rpc.call("node_getBlockNumber").asLong() <= before) {
        assertTrue(System.nanoTime() < deadline, "no block within " + TIMEOUT);
        Thread.sleep(20);
      }
    }
  }

  /** The follower reaches {@code height} and every block 1..height equals the sequencer's, roots included. */
  private static void awaitSameChain(NodeServer sequencer, FollowerNode follower, long height) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      long at = follower.node().getBlockNumber().toCompletableFuture().get();
      if (at == height && sameChain(sequencer, follower, height)) {
        break;
      }
      assertTrue(follower.halted().toCompletableFuture().getNow(null) == null,
          "follower halted: " + follower.halted().toCompletableFuture().getNow(null));
      assertTrue(System.nanoTime() < deadline, "follower at " + at + " of " + height + ": "
          + follower.syncStatus().toCompletableFuture().get() + " / " + follower.archiverStatus()
          .toCompletableFuture().get());
      Thread.sleep(100);
    }
    List<L2Block> expected = sequencer.api().getBlocks(1, (int) height).toCompletableFuture().get();
    List<L2Block> rebuilt = follower.node().getBlocks(1, (int) height).toCompletableFuture().get();
    assertEquals(expected, rebuilt);
    assertEquals(sequencer.api().getWorldStateSyncStatus().toCompletableFuture().get().latestBlockHash(),
        follower.node().getWorldStateSyncStatus().toCompletableFuture().get().latestBlockHash());
  }

  private static boolean sameChain(NodeServer sequencer, FollowerNode follower, long height) throws Exception {
    for (long n = 1; n <= height; n++) {
      if (!sequencer.api().getBlock(n).toCompletableFuture().get()
          .equals(follower.node().getBlock(n).toCompletableFuture().get())) {
        return false;
      }
    }
    return true;
  }

  private static void awaitUnwound(FollowerNode follower) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    BlockSync.Status status = follower.syncStatus().toCompletableFuture().get();
    while (status.unwinds() < 1) {
      assertTrue(System.nanoTime() < deadline, "the follower never rolled back: " + status);
      Thread.sleep(100);
      status = follower.syncStatus().toCompletableFuture().get();
    }
  }
}
