package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.L1Contracts;
import dev.obsidian.l1.L1PrivateKey;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.TxJson;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the sandbox (a child JVM, SIGKILL) inside the L1 publisher's two crash windows, on an L1 with a 2 s block
 * time so the windows exist: right after its proposal transaction reached Anvil's pool and before it is mined
 * ("sent"), and right after it is mined, before the publisher journals the receipt and its confirmations ("mined").
 * The sandbox's Anvil dies with it (its state is dumped on SIGTERM by the watchdog) and comes back with the next start.
 *
 * <p>After every restart the publisher recovers its journal and reconciles with L1; at the end every block the node
 * built is on L1 <em>exactly once</em>: the Rollup's {@code L2BlockProposed} logs are 1..N once each, in order, with the
 * node's archive roots; the sequencer account sent exactly N proposal transactions (none wasted on a duplicate that
 * reverted); and the node's published height (node_getL2Tips' checkpointed tip) reaches N.
 */
class PublisherCrashIT {
  private static final int TRIALS = 6;
  private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String SEQUENCER = L1PrivateKey.ANVIL_DEV_ACCOUNT_0.address();

  @TempDir Path temp;

  private final RandomTxs random = new RandomTxs(91, 31337, 1).withMaxEffects(3, 1, 2, 1);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  @Test
  void eachBlockIsOnL1ExactlyOnceAfterKillsBetweenSendReceiptAndJournal() throws Exception {
    Path dataDir = Path.of("target", "publisher-crash-it").toAbsolutePath();
    NodeCrashIT.deleteRecursively(dataDir);
    Path config = temp.resolve("node.conf");
    Files.writeString(config, "obsidian.l1.anvil-port = 0\nobsidian.l1.block-time-seconds = 2\n");
    Path log = Files.createDirectories(Path.of("target")).resolve("publisher-crash-it-sandbox.log");
    Files.deleteIfExists(log);
    List<String> trials = new ArrayList<>();
    int sentWindows = 0;
    int minedWindows = 0;
    for (int trial = 1; trial <= TRIALS; trial++) {
      boolean killWhenMined = trial % 2 == 0;
      try (SandboxProcess sandbox = SandboxProcess.start(dataDir, config, log)) {
        RpcClient anvil = new RpcClient(URI.create(sandbox.l1RpcUrl), Duration.ofSeconds(10));
        long minedBefore = nonce(anvil, "latest");
        sendTxs(sandbox.client(), 2);
        long deadline = System.nanoTime() + WINDOW_TIMEOUT.toNanos();
        // window 1: a proposal is in the pool, unmined
        while (nonce(anvil, "pending") <= Math.max(minedBefore, nonce(anvil, "latest"))) {
          assertTrue(System.nanoTime() < deadline, "no proposal reached L1 in trial " + trial + " (see " + log + ")");
          Thread.sleep(10);
        }
        long sentNonce = nonce(anvil, "pending");
        String window = "sent";
        if (killWhenMined) {
          // window 2: it is mined; the publisher polls every 100 ms and then waits for 2 confirmations
          while (nonce(anvil, "latest") < sentNonce) {
            assertTrue(System.nanoTime() < deadline, "the proposal was not mined in trial " + trial);
            Thread.sleep(10);
          }
          window = "mined";
        }
        sandbox.kill();
        SandboxL1IT.assertNoAnvilRunsOn(dataDir);
        sentWindows += window.equals("sent") ? 1 : 0;
        minedWindows += window.equals("mined") ? 1 : 0;
        trials.add("trial " + trial + ": killed with the proposal " + window + " (nonce " + (sentNonce - 1) + ")");
        System.out.println(trials.get(trials.size() - 1));
      }
    }
    assertTrue(sentWindows >= 1 && minedWindows >= 1, trials.toString());

    try (SandboxProcess sandbox = SandboxProcess.start(dataDir, config, log)) {
      RpcClient rpc = sandbox.client();
      long blockNumber = rpc.call("node_getBlockNumber").asLong();
      // block N waits until the archiver saw the proposal of N - 1 on L1 (that closes N's L1->L2 message tree), so a
      // trial killed while an earlier proposal is still in flight may build no block of its own
      assertTrue(blockNumber >= TRIALS / 2, "the trials built at least " + TRIALS / 2 + " blocks: " + blockNumber);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (rpc.call("node_getL2Tips").get("checkpointed").get("number").asLong() < blockNumber) {
        assertTrue(System.nanoTime() < deadline, "published height " + rpc.call("node_getL2Tips") + " of "
            + blockNumber + " (see " + log + ")");
        Thread.sleep(200);
      }
      L1Contracts contracts = L1Contracts.readFrom(dataDir.resolve("l1").resolve("contracts.json"));
      SandboxL1IT.checkRollupHoldsTheChain(sandbox.l1RpcUrl, rpc, contracts.rollup(), blockNumber);
      assertEquals(blockNumber, proposalTxs(sandbox.l1RpcUrl, contracts.rollup(), contracts.deploymentL1Block()),
          "one proposal transaction per block: none sent twice");
      sandbox.stop();
    }
    System.out.println("PublisherCrashIT: " + trials);
  }

  private void sendTxs(RpcClient rpc, int count) {
    for (int i = 0; i < count; i++) {
      Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      rpc.call("node_sendTx", TxJson.encode(tx));
    }
  }

  private static long nonce(RpcClient anvil, String tag) {
    return new BigInteger(anvil.call("eth_getTransactionCount", SEQUENCER, tag).asText().substring(2), 16)
        .longValueExact();
  }

  /** Transactions from the sequencer to the Rollup on the L1 chain as it is now (reverted ones included). */
  private static long proposalTxs(String l1RpcUrl, EthAddress rollup, long fromL1Block) {
    RpcClient anvil = new RpcClient(URI.create(l1RpcUrl), Duration.ofSeconds(10));
    long tip = new BigInteger(anvil.call("eth_blockNumber").asText().substring(2), 16).longValueExact();
    long count = 0;
    for (long n = fromL1Block; n <= tip; n++) {
      JsonNode block = anvil.call("eth_getBlockByNumber", "0x" + Long.toHexString(n), true);
      for (JsonNode tx : block.get("transactions")) {
        if (tx.path("to").asText().equalsIgnoreCase(rollup.toString())
            && tx.get("from").asText().equalsIgnoreCase(SEQUENCER)) {
          count++;
        }
      }
    }
    return count;
  }
}
