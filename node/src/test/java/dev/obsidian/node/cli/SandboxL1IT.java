package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.L1Client;
import dev.obsidian.l1.L1Contracts;
import dev.obsidian.l1.RollupClient;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.TxJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox settles on its own Anvil: every block the node builds lands on the Rollup contract in order, with the
 * node's archive root; a restart on the same data directory continues the same L1 chain and contracts, and no Anvil
 * outlives a stopped sandbox.
 */
class SandboxL1IT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  private final RandomTxs random = new RandomTxs(5, 31337, 1).withMaxEffects(3, 1, 2, 2);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  @Test
  void blocksLandOnTheRollupInOrderWithTheNodesArchiveAndTheL1SurvivesARestart() throws Exception {
    EthAddress rollupAddress;
    long blockNumber;
    try (RunningSandbox sandbox = RunningSandbox.start(dataDir)) {
      RpcClient rpc = sandbox.client();
      JsonNode addresses = rpc.call("node_getL1ContractAddresses");
      rollupAddress = EthAddress.fromHex(addresses.get("rollupAddress").asText());
      assertEquals(addresses, rpc.call("node_getNodeInfo").get("l1ContractAddresses"));
      assertEquals(L1Contracts.readFrom(dataDir.resolve("l1").resolve("contracts.json")).rollup(), rollupAddress);
      RpcClient anvil = new RpcClient(java.net.URI.create(sandbox.l1RpcUrl()), TIMEOUT);
      String beforeBlocks = anvil.call("evm_snapshot").asText();
      sendAndAwaitMined(rpc, 6);
      blockNumber = rpc.call("node_getBlockNumber").asLong();
      assertTrue(blockNumber >= 1);
      checkRollupHoldsTheChain(sandbox, rpc, rollupAddress, blockNumber);
      checkPublishedHeight(sandbox, rpc, blockNumber);

      // an L1 reorg drops every L1 block holding a proposal: the publisher notices and proposes them again
      assertTrue(anvil.call("evm_revert", beforeBlocks).asBoolean());
      checkRollupHoldsTheChain(sandbox, rpc, rollupAddress, blockNumber);
      checkPublishedHeight(sandbox, rpc, blockNumber);
      checkL1StatusCommand(sandbox, rollupAddress, blockNumber);
      sandbox.stop();
    }
    assertNoAnvilRunsOn(dataDir);

    try (RunningSandbox restarted = RunningSandbox.start(dataDir)) {
      RpcClient rpc = restarted.client();
      assertEquals(rollupAddress.toString(), rpc.call("node_getL1ContractAddresses").get("rollupAddress").asText(),
          "a restart reuses the contracts on the restored L1");
      sendAndAwaitMined(rpc, 1);
      long continued = rpc.call("node_getBlockNumber").asLong();
      assertTrue(continued > blockNumber);
      checkRollupHoldsTheChain(restarted, rpc, rollupAddress, continued);
      restarted.stop();
    }
    assertNoAnvilRunsOn(dataDir);
  }

  private void sendAndAwaitMined(RpcClient rpc, int count) throws InterruptedException {
    List<Tx> txs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      rpc.call("node_sendTx", TxJson.encode(tx));
      txs.add(tx);
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    for (Tx tx : txs) {
      while (!List.of("mined", "proven").contains(
          rpc.call("node_getTxReceipt", tx.hash().value().toHex()).get("status").asText())) {
        assertTrue(System.nanoTime() < deadline, tx.hash() + " not mined within " + TIMEOUT);
        Thread.sleep(100);
      }
    }
  }

  /** Every block 1..n is on L1 with the archive root the node reports, proposed in order. */
  private static void checkRollupHoldsTheChain(RunningSandbox sandbox, RpcClient rpc, EthAddress rollupAddress,
      long blockNumber) throws InterruptedException {
    checkRollupHoldsTheChain(sandbox.l1RpcUrl(), rpc, rollupAddress, blockNumber);
  }

  static void checkRollupHoldsTheChain(String l1RpcUrl, RpcClient rpc, EthAddress rollupAddress, long blockNumber)
      throws InterruptedException {
    try (L1Client l1 = L1Client.readOnly(l1RpcUrl, TIMEOUT)) {
      RollupClient rollup = new RollupClient(l1, rollupAddress);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (rollup.pendingBlockNumber() < blockNumber) {
        assertTrue(System.nanoTime() < deadline, "L1 has " + rollup.pendingBlockNumber() + " of " + blockNumber);
        Thread.sleep(100);
      }
      assertEquals(blockNumber, rollup.pendingBlockNumber());
      assertFalse(rollup.proofCheckingEnabled());
      for (long n = 1; n <= blockNumber; n++) {
        JsonNode block = rpc.call("node_getBlock", n);
        assertEquals(Fr.fromHex(block.get("archive").get("root").asText()), rollup.archiveAt(n), "archive of " + n);
      }
      List<Long> proposed = rollup.proposedLogs(0, l1.blockNumber()).stream()
          .map(RollupClient.BlockProposedLog::blockNumber).toList();
      List<Long> expected = new ArrayList<>();
      for (long n = 1; n <= blockNumber; n++) {
        expected.add(n);
      }
      assertEquals(expected, proposed, "each block proposed once, in order");
    }
  }

  /**
   * The node reports the height L1 holds: node_getL2Tips' checkpointed tip (with the block's hash), and
   * {@code obsidian status} with the publisher's L1 latency.
   */
  static void checkPublishedHeight(RunningSandbox sandbox, RpcClient rpc, long blockNumber) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    JsonNode tips = rpc.call("node_getL2Tips");
    while (tips.get("checkpointed").get("number").asLong() != blockNumber) {
      assertTrue(System.nanoTime() < deadline, "published height " + tips + ", expected " + blockNumber);
      Thread.sleep(100);
      tips = rpc.call("node_getL2Tips");
    }
    assertEquals(rpc.call("node_getBlock", blockNumber).get("hash").asText(),
        tips.get("checkpointed").get("hash").asText());
    CliRun run = CliRun.run(Map.of(), "status", "--url", sandbox.url.toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode status = new ObjectMapper().readTree(run.out());
    assertEquals(blockNumber, status.get("publishedBlockNumber").asLong());
    JsonNode latency = status.get("l1Publisher").get("latencyMs");
    assertTrue(latency.get("samples").asLong() >= 1, status.toString());
    assertTrue(latency.get("p50").asLong() > 0 && latency.get("p50").asLong() <= latency.get("max").asLong(),
        status.toString());
    CliRun text = CliRun.run(Map.of(), "status", "--url", sandbox.url.toString());
    assertTrue(text.out().contains("published    " + blockNumber + " (L1 latency p50"), text.out());
  }

  private static void checkL1StatusCommand(RunningSandbox sandbox, EthAddress rollup, long blockNumber)
      throws Exception {
    CliRun run = CliRun.run(Map.of(), "l1", "status", "--url", sandbox.l1RpcUrl(), "--node-url",
        sandbox.url.toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode status = new ObjectMapper().readTree(run.out());
    assertEquals(blockNumber, status.get("pendingBlockNumber").asLong());
    assertEquals(0, status.get("provenBlockNumber").asLong());
    assertEquals("not proof-checked yet", status.get("proofChecking").asText());
    assertEquals(rollup.toString(), status.get("rollupAddress").asText());
  }

  /** No process whose command line names this data directory's Anvil state is alive. */
  static void assertNoAnvilRunsOn(Path dataDir) throws InterruptedException {
    String state = dataDir.resolve("l1").resolve("anvil-state.json").toString();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    List<ProcessHandle> alive;
    do {
      alive = ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains("anvil") && c.contains(state)).orElse(false))
          .toList();
      if (alive.isEmpty()) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("Anvil still runs after the sandbox stopped: " + alive.stream()
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
  }
}
