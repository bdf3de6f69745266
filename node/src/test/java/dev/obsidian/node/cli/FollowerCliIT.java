package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.AnvilProcess;
import dev.obsidian.l1.Deployer;
import dev.obsidian.l1.L1Client;
import dev.obsidian.l1.L1Contracts;
import dev.obsidian.l1.L1PrivateKey;
import dev.obsidian.l1.ProposedHeader;
import dev.obsidian.l1.RollupClient;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.TxJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code obsidian node --follow} as the CLI runs it: it follows a sandbox and serves the same blocks over JSON-RPC,
 * refusing txs; and a block on L1 whose header does not match its published effects stops it with exit 1.
 */
class FollowerCliIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  private final RandomTxs random = new RandomTxs(31, 31337, 1).withMaxEffects(2, 1, 1, 1);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  /** The follower command running on a thread, with its output. */
  private record Running(NodeCommand command, CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {}

  private static Running follow(String l1, String rollup, Path dataDir) {
    CommandLine cli = ObsidianCli.newCommandLine(Map.of());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    NodeCommand command = cli.getSubcommands().get("node").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("node", "--follow",
        "--l1-rpc-url", l1, "--rollup", rollup, "--data-dir", dataDir.toString(), "--port", "0"));
    return new Running(command, exit, out, err);
  }

  private static Matcher await(Running running, Pattern line) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = line.matcher(running.out().toString());
      if (matcher.find()) {
        return matcher;
      }
      if (running.exit().isDone()) {
        throw new AssertionError("follower exited " + running.exit().get() + ": " + running.err());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + line + " within " + TIMEOUT + ": " + running.out() + running.err());
  }

  @Test
  void itFollowsASandboxServesTheSameBlocksAndRefusesTxs() throws Exception {
    try (RunningSandbox sandbox = RunningSandbox.start(dir.resolve("sandbox"))) {
      RpcClient rpc = sandbox.client();
      String rollup = rpc.call("node_getL1ContractAddresses").get("rollupAddress").asText();
      List<Tx> txs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        rpc.call("node_sendTx", TxJson.encode(tx));
        txs.add(tx);
        awaitMined(rpc, tx);
      }
      long height = rpc.call("node_getBlockNumber").asLong();
      Running follower = follow(sandbox.l1RpcUrl(), rollup, dir.resolve("follower"));
      try {
        URI url = URI.create(await(follower, Pattern.compile("ready (http://\\S+) in \\d+ ms")).group(1));
        Matcher synced = await(follower, Pattern.compile("synced (\\d+) blocks in [0-9.]+ s \\([0-9.]+ blocks/s\\)"));
        assertEquals(height, Long.parseLong(synced.group(1)));
        RpcClient followed = new RpcClient(url, Duration.ofSeconds(30));
        assertEquals(height, followed.call("node_getBlockNumber").asLong());
        for (long n = 0; n <= height; n++) {
          assertEquals(rpc.call("node_getBlock", n), followed.call("node_getBlock", n), "block " + n);
        }
        assertEquals(rpc.call("node_getTxEffect", txs.get(0).hash().value().toHex()),
            followed.call("node_getTxEffect", txs.get(0).hash().value().toHex()));
        RpcClient.RpcCallException refused = assertThrows(RpcClient.RpcCallException.class,
            () -> followed.call("node_sendTx", TxJson.encode(random.next(Constants.GENESIS_BLOCK_HEADER_HASH,
                genesis))));
        assertTrue(refused.getMessage().contains("accepts no transactions"), refused.getMessage());
        assertEquals(rollup, followed.call("node_getL1ContractAddresses").get("rollupAddress").asText());
      } finally {
        follower.command().stopRequested.complete(null);
        assertEquals(0, follower.exit().get(60, TimeUnit.SECONDS), follower.err().toString());
      }
      sandbox.stop();
    }
  }

  @Test
  void aBlockWhoseHeaderDoesNotMatchItsEffectsStopsTheFollowerLoudly() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(AnvilProcess.Options.ephemeral());
        L1Client sequencer = L1Client.connect(anvil.rpcUrl(), L1PrivateKey.ANVIL_DEV_ACCOUNT_0, 31337,
            Duration.ofSeconds(30))) {
      L1Contracts contracts = Deployer.deploy(sequencer, new Deployer.Options(sequencer.sender(),
          Constants.GENESIS_ARCHIVE_ROOT, 1, 0, Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.ZERO));
      RollupClient rollup = new RollupClient(sequencer, contracts.rollup());
      L2Block block = realBlock();
      ProposedHeader.Proposal proposal = ProposedHeader.of(block, rollup.inboxRoot(1), Fr.of(1), Fr.of(31337));
      ProposedHeader h = proposal.header();
      // L1 cannot tell (no proof checking): the header claims another note hash root than its effects give
      ProposedHeader lying = new ProposedHeader(h.blockNumber(), h.lastArchiveRoot(), h.archiveRoot(), h.blockHash(),
          h.l1ToL2MessageRoot(), Fr.of(77), h.nullifierRoot(), h.publicDataRoot(), h.effectsHash(), h.inHash(),
          h.outHash(), h.outTreeHeight());
      rollup.propose(lying, proposal.effects(), new byte[0]);

      Running follower = follow(anvil.rpcUrl(), contracts.rollup().toString(), dir.resolve("lied-to"));
      assertEquals(1, follower.exit().get(120, TimeUnit.SECONDS), follower.out().toString());
      assertTrue(follower.err().toString().contains("FOLLOWER HALTED: L2 block 1 from L1 does not check out, "
          + "noteHashRoot: L1 has " + Fr.of(77) + ", the published block gives "
          + block.header().state().noteHashTree().root()), follower.err().toString());
    }
  }

  private L2Block realBlock() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      List<TxEffect> effects = new ArrayList<>();
      Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, fork);
      BlockBuilder.apply(fork, tx.effects());
      effects.add(new TxEffect(tx.hash(), 0, tx.effects()));
      return BlockBuilder.seal(fork, new GlobalVariables(31337, 1, 1, 1, 1_700_000_000L, EthAddress.ZERO,
          AztecAddress.ZERO, new GasFees(1, 1)), effects);
    }
  }

  private static void awaitMined(RpcClient rpc, Tx tx) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!List.of("mined", "proven").contains(
        rpc.call("node_getTxReceipt", tx.hash().value().toHex()).get("status").asText())) {
      assertTrue(System.nanoTime() < deadline, tx.hash() + " not mined");
      Thread.sleep(50);
    }
  }
}
