package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.AnvilProcess;
import dev.obsidian.l1.L1Client;
import dev.obsidian.l1.RollupClient;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.TxJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code obsidian l1 deploy|status} against an L1 the node does not own (an Anvil started by the test), and a
 * sandbox pointed at that external L1 with its key in a file named by the environment.
 */
class L1CommandIT {
  /** Anvil's public dev account 2, so the deployer/sequencer is not the sandbox's default account. */
  private static final String DEV_KEY_2 = "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

  @TempDir Path temp;

  @Test
  void deployPrintsAddressesStatusReadsThemAndASandboxPublishesToTheExternalL1() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(AnvilProcess.Options.ephemeral())) {
      Path keyFile = Files.writeString(temp.resolve("sequencer.key"), "0x" + DEV_KEY_2 + "\n");
      CliRun deploy = CliRun.run(Map.of(), "l1", "deploy", "--rpc-url", anvil.rpcUrl(), "--private-key-file",
          keyFile.toString(), "--chain-id", "31337");
      assertEquals(0, deploy.exitCode(), deploy.err());
      assertFalse(deploy.out().contains(DEV_KEY_2) || deploy.err().contains(DEV_KEY_2), "the key is never printed");
      JsonNode addresses = new ObjectMapper().readTree(deploy.out());
      EthAddress rollup = EthAddress.fromHex(addresses.get("rollupAddress").asText());

      CliRun status = CliRun.run(Map.of(), "l1", "status", "--url", anvil.rpcUrl(), "--rollup", rollup.toString(),
          "--json");
      assertEquals(0, status.exitCode(), status.err());
      JsonNode json = new ObjectMapper().readTree(status.out());
      assertEquals(0, json.get("pendingBlockNumber").asLong());
      assertEquals(Constants.GENESIS_ARCHIVE_ROOT.toHex(), json.get("archive").asText());
      assertEquals("not proof-checked yet", json.get("proofChecking").asText());

      CliRun wrongChain = CliRun.run(Map.of(), "l1", "deploy", "--rpc-url", anvil.rpcUrl(), "--private-key-file",
          keyFile.toString(), "--chain-id", "1");
      assertEquals(2, wrongChain.exitCode(), wrongChain.out());
      assertTrue(wrongChain.err().contains("reports chain id 31337, expected 1"), wrongChain.err());

      // a Rollup that checks block proofs with the prover's verifying keys (dev keys from the shared cache)
      CliRun checking = CliRun.run(Map.of(), "l1", "deploy", "--rpc-url", anvil.rpcUrl(), "--private-key-file",
          keyFile.toString(), "--proving", "on", "--max-block-txs", "1");
      assertEquals(0, checking.exitCode(), checking.err());
      JsonNode deployed = new ObjectMapper().readTree(checking.out());
      CliRun checkingStatus = CliRun.run(Map.of(), "l1", "status", "--url", anvil.rpcUrl(), "--rollup",
          deployed.get("rollupAddress").asText(), "--json");
      assertEquals("proof-checked (Groth16 verifier)",
          new ObjectMapper().readTree(checkingStatus.out()).get("proofChecking").asText());
      assertTrue(checking.out().contains("block-root-1") && checking.out().contains("base-rollup-2"),
          "the recorded verifier variants: " + checking.out());
      CliRun badMode = CliRun.run(Map.of(), "l1", "deploy", "--rpc-url", anvil.rpcUrl(), "--private-key-file",
          keyFile.toString(), "--proving", "maybe");
      assertEquals(2, badMode.exitCode(), badMode.out());
      assertTrue(badMode.err().contains("--proving: expected on or off"), badMode.err());

      sandboxOnExternalL1(anvil, keyFile);
    }
  }

  private void sandboxOnExternalL1(AnvilProcess anvil, Path keyFile) throws Exception {
    Path dataDir = temp.resolve("data");
    Path config = Files.writeString(temp.resolve("external.conf"), "obsidian.l1.rpc-url = \"" + anvil.rpcUrl() + "\"\n");
    Map<String, String> environment = Map.of("OBSIDIAN_L1_PRIVATE_KEY_FILE", keyFile.toString());
    try (RunningSandbox sandbox = RunningSandbox.start(environment, dataDir, "--file", config.toString())) {
      RpcClient rpc = sandbox.client();
      EthAddress rollup = EthAddress.fromHex(rpc.call("node_getL1ContractAddresses").get("rollupAddress").asText());
      Tx tx = new RandomTxs(9, 31337, 1).next(Constants.GENESIS_BLOCK_HEADER_HASH, WorldStateFork.inMemoryGenesis());
      rpc.call("node_sendTx", TxJson.encode(tx));
      try (L1Client l1 = L1Client.readOnly(anvil.rpcUrl(), Duration.ofSeconds(30))) {
        RollupClient onL1 = new RollupClient(l1, rollup);
        assertEquals("0x" + "3c44cdddb6a900fa2b585dd299e03d12fa4293bc", onL1.sequencer().toString(),
            "the key from the file is the sequencer (Anvil dev account 2)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (onL1.pendingBlockNumber() < 1) {
          assertTrue(System.nanoTime() < deadline, "block 1 did not reach the external L1");
          Thread.sleep(100);
        }
        assertEquals(dev.obsidian.crypto.field.Fr.fromHex(rpc.call("node_getBlock", 1).get("archive").get("root")
            .asText()), onL1.archiveAt(1));
      }
      sandbox.stop();
    }
  }
}
