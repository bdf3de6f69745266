package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.l1.L1Client;
import dev.obsidian.l1.L1Exception;
import dev.obsidian.l1.L1PrivateKey;
import dev.obsidian.l1.OutboxCalls;
import dev.obsidian.l1.RollupClient;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.NodeServer;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.RpcLimits;
import dev.obsidian.node.rpc.TxJson;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The sandbox with proving on, end to end: its own Anvil gets a Rollup that checks block proofs (deployed with the
 * prover's verifying keys), every block goes to L1 with its block-root and base proofs in the proposal, and a block
 * is proven — in the Rollup's {@code provenBlockNumber}, the node's tips and the tx receipts — only because L1
 * accepted those proofs; a block inserting an L1-to-L2 message is proven too. The node then restarts in the same mode
 * and goes on proving, and refuses to start with proving off on that chain, naming the recorded field.
 */
class ProvenOnL1IT {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  /** Anvil's public dev account 1. */
  private static final String DEV_KEY_1 = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  @TempDir Path dir;

  private final RandomTxs random = new RandomTxs(33, 31337, 1).withMaxEffects(2, 1, 2, 1);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  private ObsidianSettings settings(boolean proving) {
    return new SandboxSettings().dataDir(dir.resolve("node")).port(0).blockTime(Duration.ofMillis(200))
        .flag("--anvil-port", "obsidian.l1.anvil-port", 0)
        .flag("--proving", "obsidian.prover.enabled", proving)
        .flag("--workers", "obsidian.prover.workers", 2)
        .flag("--max-block-txs", "obsidian.prover.max-block-txs", 1)
        .load(null, Map.of());
  }

  @Test
  void blocksAreProvenBecauseTheL1RollupCheckedTheirProofs() throws Exception {
    long firstRun;
    try (NodeServer node = NodeServer.start(settings(true), RpcLimits.defaults(settings(true).limits()),
        NodeClock.system(), Map.of())) {
      assertTrue(node.l1().checksProofs(), "the sandbox's Rollup checks proofs when proving is on");
      RpcClient rpc = new RpcClient(node.url(), Duration.ofSeconds(30));
      assertTrue(notes(rpc).stream().anyMatch(n -> n.contains("checked by the L1 Rollup")), notes(rpc).toString());
      try (L1Client l1 = L1Client.readOnly(node.l1().rpcUrl(), TIMEOUT);
          L1Client user = L1Client.connect(node.l1().rpcUrl(), L1PrivateKey.fromHex(DEV_KEY_1, "test"), 31337,
              Duration.ofSeconds(30))) {
        RollupClient rollup = new RollupClient(l1, node.l1().contracts().rollup());
        assertTrue(rollup.proofCheckingEnabled());

        // an L1->L2 message: the block that inserts it must be proven too (its message subtree is in the block root)
        TransactionReceipt sent = user.send(node.l1().contracts().inbox(), OutboxCalls.sendL2Message(
            new AztecAddress(Fr.of(0xabc)), Fr.of(0x1234), Fr.of(0x5678)), "Inbox.sendL2Message");
        long messageBlock = new BigInteger(sent.getLogs().get(0).getTopics().get(1).substring(2), 16)
            .longValueExact();

        List<Tx> txs = new ArrayList<>();
        for (int i = 0; i < 2 || rpc.call("node_getBlockNumber").asLong() < messageBlock; i++) {
          Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
          rpc.call("node_sendTx", TxJson.encode(tx));
          txs.add(tx);
          awaitStatus(rpc, tx, "mined", "proven");
        }
        // a tx the loaded circuits cannot hold is refused at the edge, not left to stall the proving chain
        Tx plain = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        var e = plain.effects();
        Tx large = new Tx(plain.anchorBlockHash(), plain.chainId(), plain.rollupVersion(), new dev.obsidian.actors.tx
            .TxEffects(e.nullifiers(), List.of(Fr.of(11), Fr.of(12), Fr.of(13)), e.publicDataWrites(),
            e.l2ToL1Messages(), e.privateLogs(), e.publicLogs()), plain.publicCalls(), plain.gasSettings(),
            plain.feePayer(), plain.expiration(), plain.proof());
        RpcClient.RpcCallException refused = assertThrows(RpcClient.RpcCallException.class,
            () -> rpc.call("node_sendTx", TxJson.encode(large)));
        assertTrue(refused.getMessage().contains("max-base-capacity = 2"), refused.getMessage());

        long height = rpc.call("node_getBlockNumber").asLong();
        awaitProvenOnL1(rollup, height);
        awaitProvenInNode(rpc, height);
        for (Tx tx : txs) {
          assertEquals("proven", awaitStatus(rpc, tx, "proven").get("status").asText());
        }
        assertEquals(1, rpc.call("node_getBlock", messageBlock).get("l1ToL2Messages").size(),
            "the proven block " + messageBlock + " inserted the message");
        assertEquals(height, rollup.pendingBlockNumber());
        for (long n = 1; n <= height; n++) {
          assertEquals(Fr.fromHex(rpc.call("node_getBlock", n).get("archive").get("root").asText()),
              rollup.archiveAt(n), "archive of block " + n);
        }
      }
      firstRun = rpc.call("node_getProvenBlockNumber").asLong();
    }

    // a restart in the same mode: the recorded deployment matches, and new blocks are proven on L1
    try (NodeServer node = NodeServer.start(settings(true), RpcLimits.defaults(settings(true).limits()),
        NodeClock.system(), Map.of())) {
      RpcClient rpc = new RpcClient(node.url(), Duration.ofSeconds(30));
      assertEquals(firstRun, rpc.call("node_getProvenBlockNumber").asLong(), "the proven tip survives a restart");
      Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      rpc.call("node_sendTx", TxJson.encode(tx));
      long block = awaitStatus(rpc, tx, "proven").get("blockNumber").asLong();
      assertTrue(block > firstRun);
      try (L1Client l1 = L1Client.readOnly(node.l1().rpcUrl(), TIMEOUT)) {
        assertTrue(new RollupClient(l1, node.l1().contracts().rollup()).provenBlockNumber() >= block);
      }
    }

    // proving off on a chain whose Rollup checks proofs: refused at start, naming the recorded field
    L1Exception refused = assertThrows(L1Exception.class, () -> NodeServer.start(settings(false),
        RpcLimits.defaults(settings(false).limits()), NodeClock.system(), Map.of()).close());
    assertTrue(refused.getMessage().contains("proofCheckingEnabled"), refused.getMessage());
  }

  private static List<String> notes(RpcClient rpc) throws Exception {
    List<String> notes = new ArrayList<>();
    rpc.call("node_getNodeInfo").get("notes").forEach(n -> notes.add(n.asText()));
    return notes;
  }

  private static JsonNode awaitStatus(RpcClient rpc, Tx tx, String... statuses) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonNode receipt = rpc.call("node_getTxReceipt", tx.hash().value().toHex());
      if (List.of(statuses).contains(receipt.get("status").asText())) {
        return receipt;
      }
      assertTrue(System.nanoTime() < deadline, tx.hash() + " not " + List.of(statuses) + ": " + receipt);
      Thread.sleep(100);
    }
  }

  private static void awaitProvenOnL1(RollupClient rollup, long block) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (rollup.provenBlockNumber() < block) {
      assertTrue(System.nanoTime() < deadline, "L1 proven at " + rollup.provenBlockNumber() + ", waiting for " + block);
      Thread.sleep(200);
    }
  }

  private static void awaitProvenInNode(RpcClient rpc, long block) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (rpc.call("node_getL2Tips").get("proven").get("number").asLong() < block) {
      assertTrue(System.nanoTime() < deadline, "node proven tip below " + block + ": " + rpc.call("node_getL2Tips"));
      Thread.sleep(200);
    }
  }
}
