package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.RpcClient.RpcCallException;
import dev.obsidian.node.rpc.TxJson;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code obsidian sandbox} in-process on a free port with a temp data dir, driven over real HTTP: txs are
 * submitted, mined, and the blocks' note-hash and archive roots, block hashes and witnesses are checked
 * against a plain second implementation of the trees; then the sandbox is stopped, restarted on the same
 * data dir, and the chain continues from where it was.
 */
class SandboxIT {

  private static final int TXS = 6;
  private static final Duration MINING_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  private final RandomTxs random = new RandomTxs(20261125, 31337, 1).withMaxEffects(4, 2, 2, 2);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  @Test
  void txsAreMinedTheirWitnessesMatchAnIndependentTreeAndTheChainSurvivesARestart() throws Exception {
    List<Tx> txs = new ArrayList<>();
    long blockNumber;
    JsonNode latestBlock;
    Chain chain;
    try (RunningSandbox sandbox = RunningSandbox.start(dataDir)) {
      assertTrue(sandbox.output.startsWith("proving off (--proving on to prove): "), sandbox.output);
      assertEquals(2, sandbox.output.lines().count(), sandbox.output);
      RpcClient rpc = sandbox.client();
      for (int i = 0; i < TXS; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        assertEquals(tx.hash().value().toHex(), rpc.call("node_sendTx", TxJson.encode(tx)).asText());
        txs.add(tx);
      }
      assertRejected(rpc, txs.get(0), Set.of("DUPLICATE_TX", "DOUBLE_SPEND"));
      awaitMined(rpc, txs);
      assertRejected(rpc, txs.get(1), Set.of("DOUBLE_SPEND"));
      assertRejected(rpc, withAnchor(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis), Fr.of(424242)),
          Set.of("UNKNOWN_ANCHOR"));

      blockNumber = rpc.call("node_getBlockNumber").asLong();
      // proving is off by default: blocks are published but never proven, and the node says so
      assertEquals(0, rpc.call("node_getProvenBlockNumber").asLong());
      assertTrue(rpc.call("node_getNodeInfo").toString().contains("proving is off"));
      chain = Chain.recompute(blocks(rpc, blockNumber));
      latestBlock = rpc.call("node_getBlock", blockNumber);
      // block 0 is Aztec's genesis header (constants from Aztec 4.1.2), and block 1 builds on it
      JsonNode genesisBlock = rpc.call("node_getBlock", 0);
      assertEquals(Constants.GENESIS_BLOCK_HEADER_HASH.toHex(), genesisBlock.get("hash").asText());
      assertEquals(Constants.GENESIS_ARCHIVE_ROOT.toHex(), genesisBlock.get("archive").get("root").asText());
      assertEquals(0, genesisBlock.get("txEffects").size());
      checkNoteHashWitness(rpc, chain, txs);
      checkNullifierWitness(rpc, latestBlock, txs.get(3));
      checkPublicData(rpc, txs);
      checkStatusCommand(sandbox, blockNumber, chain);
      checkMetricsAndHealth(sandbox, blockNumber);
      checkASecondSandboxIsRefused(sandbox);
    }

    try (RunningSandbox restarted = RunningSandbox.start(dataDir)) {
      RpcClient rpc = restarted.client();
      assertEquals(blockNumber, rpc.call("node_getBlockNumber").asLong());
      assertEquals(latestBlock.get("hash"), rpc.call("node_getBlock", "latest").get("hash"));
      Tx next = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      rpc.call("node_sendTx", TxJson.encode(next));
      awaitMined(rpc, List.of(next));
      JsonNode continued = rpc.call("node_getBlock", blockNumber + 1);
      assertEquals(chain.archive.root().toHex(), continued.get("header").get("lastArchive").get("root").asText());
      assertEquals(next.hash().value().toHex(), continued.get("txEffects").get(0).get("txHash").asText());
    }
  }

  private static void assertRejected(RpcClient rpc, Tx tx, Set<String> kinds) {
    RpcCallException rejected = assertThrows(RpcCallException.class, () -> rpc.call("node_sendTx", TxJson.encode(tx)));
    assertEquals(-32000, rejected.code(), rejected.getMessage());
    assertTrue(kinds.contains(rejected.data().get("kind").asText()), rejected.getMessage());
  }

  private static void awaitMined(RpcClient rpc, List<Tx> txs) throws InterruptedException {
    long deadline = System.nanoTime() + MINING_TIMEOUT.toNanos();
    for (Tx tx : txs) {
      while (true) {
        String status = rpc.call("node_getTxReceipt", tx.hash().value().toHex()).get("status").asText();
        if (status.equals("mined") || status.equals("proven")) {
          break;
        }
        assertTrue(status.equals("pending"), tx.hash() + " is " + status);
        assertTrue(System.nanoTime() < deadline, tx.hash() + " not mined within " + MINING_TIMEOUT);
        Thread.sleep(100);
      }
    }
  }

  private static List<JsonNode> blocks(RpcClient rpc, long latest) {
    List<JsonNode> blocks = new ArrayList<>();
    for (long from = 1; from <= latest; from += 100) {
      rpc.call("node_getBlocks", from, (int) Math.min(100, latest - from + 1)).forEach(blocks::add);
    }
    assertEquals(latest, blocks.size());
    return blocks;
  }

  /** The note-hash tree rebuilt from the blocks' tx effects, and the archive from recomputed header hashes. */
  private record Chain(ReferenceTree noteHashes, ReferenceTree archive) {

    static Chain recompute(List<JsonNode> blocks) {
      Chain chain = new Chain(new ReferenceTree(Constants.NOTE_HASH_TREE_HEIGHT), new ReferenceTree(Constants.ARCHIVE_HEIGHT));
      chain.archive.append(Constants.GENESIS_BLOCK_HEADER_HASH);
      for (JsonNode block : blocks) {
        chain.add(block);
      }
      return chain;
    }

    private void add(JsonNode block) {
      JsonNode header = block.get("header");
      assertTree(header.get("lastArchive"), archive);
      for (JsonNode effect : block.get("txEffects")) {
        List<Fr> padded = fields(effect.get("noteHashes"));
        while (padded.size() < Constants.MAX_NOTE_HASHES_PER_TX) {
          padded.add(Fr.ZERO);
        }
        padded.forEach(noteHashes::append);
      }
      assertTree(header.get("state").get("partial").get("noteHashTree"), noteHashes);
      Fr hash = headerHash(header);
      assertEquals(hash.toHex(), block.get("hash").asText(), "hash of block " + block.get("number"));
      archive.append(hash);
      assertTree(block.get("archive"), archive);
    }

    private static void assertTree(JsonNode tree, ReferenceTree reference) {
      assertEquals(reference.root().toHex(), tree.get("root").asText());
      assertEquals(reference.size(), tree.get("nextAvailableLeafIndex").asLong());
    }
  }

  /** Aztec's block header hash over the 22 header fields in BlockHeader.toFields order, from the JSON. */
  private static Fr headerHash(JsonNode header) {
    JsonNode state = header.get("state");
    JsonNode partial = state.get("partial");
    JsonNode globals = header.get("globalVariables");
    List<Fr> fields = new ArrayList<>();
    addTree(fields, header.get("lastArchive"));
    addTree(fields, state.get("l1ToL2MessageTree"));
    addTree(fields, partial.get("noteHashTree"));
    addTree(fields, partial.get("nullifierTree"));
    addTree(fields, partial.get("publicDataTree"));
    fields.add(Fr.fromHex(header.get("spongeBlobHash").asText()));
    for (String member : List.of("chainId", "version", "blockNumber", "slotNumber", "timestamp")) {
      fields.add(Fr.of(globals.get(member).asLong()));
    }
    fields.add(EthAddress.fromHex(globals.get("coinbase").asText()).toField());
    fields.add(Fr.fromHex(globals.get("feeRecipient").asText()));
    fields.add(Fr.of(globals.get("gasFees").get("feePerDaGas").asLong()));
    fields.add(Fr.of(globals.get("gasFees").get("feePerL2Gas").asLong()));
    fields.add(Fr.fromHex(header.get("totalFees").asText()));
    fields.add(Fr.of(header.get("totalManaUsed").asLong()));
    assertEquals(22, fields.size());
    return ProtocolHashes.hashWithSeparator(Constants.DomainSeparator.BLOCK_HEADER_HASH, fields.toArray(Fr[]::new));
  }

  private static void addTree(List<Fr> fields, JsonNode tree) {
    fields.add(Fr.fromHex(tree.get("root").asText()));
    fields.add(Fr.of(tree.get("nextAvailableLeafIndex").asLong()));
  }

  private static void checkNoteHashWitness(RpcClient rpc, Chain chain, List<Tx> txs) {
    Tx withNotes = txs.stream().filter(tx -> !tx.effects().noteHashes().isEmpty()).reduce((a, b) -> b).orElseThrow();
    Fr noteHash = withNotes.effects().noteHashes().get(withNotes.effects().noteHashes().size() - 1);
    long index = chain.noteHashes.indexOf(noteHash);
    JsonNode witness = rpc.call("node_getNoteHashMembershipWitness", "latest", noteHash.toHex());
    assertEquals(index, witness.get("leafIndex").asLong());
    assertEquals(chain.noteHashes.siblingPath(index), fields(witness.get("siblingPath")));
  }

  private static void checkNullifierWitness(RpcClient rpc, JsonNode latestBlock, Tx tx) {
    Fr nullifier = tx.effects().txNullifier();
    JsonNode witness = rpc.call("node_getNullifierMembershipWitness", "latest", nullifier.toHex());
    JsonNode leaf = witness.get("leafPreimage");
    assertEquals(nullifier.toHex(), leaf.get("nullifier").asText());
    Fr node = Poseidon2.hash(Fr.fromHex(leaf.get("nullifier").asText()), Fr.fromHex(leaf.get("nextNullifier").asText()),
        Fr.of(leaf.get("nextIndex").asLong()));
    Fr root = hashUp(node, witness.get("index").asLong(), fields(witness.get("siblingPath")));
    assertEquals(latestBlock.get("header").get("state").get("partial").get("nullifierTree").get("root").asText(),
        root.toHex());
    assertEquals(Constants.NULLIFIER_TREE_HEIGHT, witness.get("siblingPath").size());
  }

  private static void checkPublicData(RpcClient rpc, List<Tx> txs) {
    List<PublicDataWrite> writes = txs.stream().flatMap(tx -> tx.effects().publicDataWrites().stream()).toList();
    assertTrue(!writes.isEmpty(), "the seed gives no public data write; pick another");
    for (PublicDataWrite write : writes) {
      JsonNode witness = rpc.call("node_getPublicDataWitness", "latest", write.leafSlot().toHex());
      assertEquals(write.leafSlot().toHex(), witness.get("leafPreimage").get("slot").asText());
      assertEquals(write.value().toHex(), witness.get("leafPreimage").get("value").asText());
    }
  }

  private static void checkStatusCommand(RunningSandbox sandbox, long blockNumber, Chain chain) throws Exception {
    CliRun run = CliRun.run(Map.of(), "status", "--url", sandbox.url.toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode status = new ObjectMapper().readTree(run.out());
    assertEquals(blockNumber, status.get("blockNumber").asLong());
    assertEquals(0, status.get("pendingTxs").asLong());
    assertEquals(chain.noteHashes.root().toHex(), status.get("roots").get("note-hash").asText());
    assertEquals(chain.archive.root().toHex(), status.get("roots").get("archive").asText());
    CliRun text = CliRun.run(Map.of(), "status", "--url", sandbox.url.toString());
    assertTrue(text.out().contains("block        " + blockNumber + "\n"), text.out());
  }

  /** The gauges are refreshed every second in the background, so they are awaited. */
  private static void checkMetricsAndHealth(RunningSandbox sandbox, long blockNumber) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(sandbox.url.resolve("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"ready\":true"), health.body());
    String expectedBlocks = "obsidian_blocks_latest " + blockNumber + ".0\n";
    String expectedTxs = "obsidian_txs_mined " + TXS + ".0\n";
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    String metrics = "";
    while (System.nanoTime() < deadline && !(metrics.contains(expectedBlocks) && metrics.contains(expectedTxs))) {
      Thread.sleep(200);
      metrics = http.send(HttpRequest.newBuilder(sandbox.url.resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    }
    assertTrue(metrics.contains(expectedBlocks) && metrics.contains(expectedTxs), metrics);
    assertTrue(metrics.contains("obsidian_mempool_txs 0.0\n"), metrics);
    assertTrue(metrics.contains("obsidian_rpc_requests_seconds_count{method=\"node_sendTx\",outcome=\"ok\"} " + TXS + "\n"),
        metrics);
    assertTrue(metrics.contains("method=\"node_sendTx\",outcome=\"tx_rejected\""), metrics);
    // actors' mailboxes and handling times, journal latency: present, and the mempool has handled the submissions
    for (String actor : List.of("mempool", "sequencer", "world-state", "prover-coordinator")) {
      assertTrue(metrics.contains("obsidian_actor_mailbox_size{actor=\"" + actor + "\"} "), actor + "\n" + metrics);
      assertTrue(metrics.contains("obsidian_actor_processing_seconds_sum{actor=\"" + actor + "\"} "), actor);
    }
    assertTrue(counterAtLeast(metrics, "obsidian_actor_processing_seconds_count{actor=\"mempool\"} ", TXS), metrics);
    assertTrue(counterAtLeast(metrics, "obsidian_journal_write_seconds_count ", 1), metrics);
    assertTrue(counterAtLeast(metrics, "obsidian_journal_persists_total ", TXS), metrics);
  }

  private static boolean counterAtLeast(String metrics, String prefix, double least) {
    return metrics.lines().filter(line -> line.startsWith(prefix))
        .anyMatch(line -> Double.parseDouble(line.substring(prefix.length()).trim()) >= least);
  }

  private void checkASecondSandboxIsRefused(RunningSandbox running) {
    CliRun sameDir = CliRun.run(Map.of(), "sandbox", "--data-dir", dataDir.toString(), "--port", "0");
    assertEquals(ObsidianCli.EXIT_USAGE, sameDir.exitCode(), sameDir.err());
    assertTrue(sameDir.err().contains("is locked by another node"), sameDir.err());
    int port = running.url.getPort();
    CliRun samePort = CliRun.run(Map.of(), "sandbox", "--data-dir", dataDir.resolve("other").toString(),
        "--port", Integer.toString(port));
    assertEquals(ObsidianCli.EXIT_USAGE, samePort.exitCode(), samePort.err());
    assertTrue(samePort.err().contains("cannot listen on 127.0.0.1:" + port), samePort.err());
  }

  private static Fr hashUp(Fr leaf, long index, List<Fr> path) {
    Fr node = leaf;
    for (int level = 0; level < path.size(); level++) {
      node = ((index >>> level) & 1) == 0 ? Poseidon2.hash2(node, path.get(level)) : Poseidon2.hash2(path.get(level), node);
    }
    return node;
  }

  private static Tx withAnchor(Tx tx, Fr anchor) {
    return new Tx(anchor, tx.chainId(), tx.rollupVersion(), tx.effects(), tx.publicCalls(), tx.gasSettings(),
        tx.feePayer(), tx.expiration(), tx.proof());
  }

  private static List<Fr> fields(JsonNode array) {
    return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).map(node -> Fr.fromHex(node.asText())).toList());
  }
}
