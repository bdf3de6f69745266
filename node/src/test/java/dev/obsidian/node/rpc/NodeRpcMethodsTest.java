package dev.obsidian.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.LeafWitness;
import dev.obsidian.merkle.NullifierLeaf;
import dev.obsidian.merkle.SiblingPath;
import dev.obsidian.merkle.WorldStateFork;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node_* methods over real HTTP against a stub NodeApi: names, parameter checks, answer shapes. */
class NodeRpcMethodsTest {

  private static final StubNodeApi API = new StubNodeApi();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    RpcLimits limits = RpcLimits.withMaxRequestBytes(1 << 20);
    server = new TestServer(NodeRpcMethods.create(API, limits, 256 * 1024), limits,
        () -> CompletableFuture.completedFuture(true));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void reset() {
    API.calls.clear();
    API.failure = null;
    API.blockNumber = 12;
    API.verdicts = tx -> new TxVerdict.Accepted(tx.hash());
  }

  @Test
  void everyMethodOfTheIssueIsRegistered() {
    List<String> expected = List.of("node_getBlockNumber", "node_getProvenBlockNumber", "node_getBlock",
        "node_getBlocks", "node_sendTx", "node_getTxReceipt", "node_getTxEffect", "node_getPendingTxCount",
        "node_isValidTx", "node_getNoteHashMembershipWitness", "node_getNullifierMembershipWitness",
        "node_getLowNullifierMembershipWitness", "node_getPublicDataWitness", "node_getPublicStorageAt",
        "node_getPrivateLogsByTags", "node_getWorldStateSyncStatus", "node_getNodeInfo", "node_isReady",
        "node_getL1ContractAddresses", "node_getL2Tips", "node_getL1ToL2MessageMembershipWitness"); // from the L1 issue
    RpcMethods methods = NodeRpcMethods.create(API, RpcLimits.withMaxRequestBytes(1 << 20), 1024);
    assertEquals(new java.util.TreeSet<>(expected), methods.names());
  }

  @Test
  void theTipsAndThePublishersFiguresAsAztecAndObsidianNameThem() throws Exception {
    JsonNode tips = result("node_getL2Tips", "[]");
    assertEquals(12, tips.get("proposed").get("number").asLong());
    assertEquals(dev.obsidian.crypto.field.Fr.of(12).toHex(), tips.get("proposed").get("hash").asText());
    assertEquals(10, tips.get("checkpointed").get("number").asLong());
    assertEquals(11, tips.get("proven").get("number").asLong());
    assertEquals(10, tips.get("finalized").get("number").asLong());
    JsonNode publisher = result("node_getNodeInfo", "[]").get("l1Publisher");
    assertEquals(10, publisher.get("publishedBlockNumber").asLong());
    assertEquals(250, publisher.get("latencyMs").get("p50").asLong());
    assertEquals(890, publisher.get("latencyMs").get("max").asLong());
    assertTrue(publisher.get("lastError").asText().contains("Rollup__InvalidArchive"));
  }

  @Test
  void scalarsAndLatestBlocks() throws Exception {
    assertEquals(12, result("node_getBlockNumber", "[]").asLong());
    assertEquals(11, result("node_getProvenBlockNumber", "[]").asLong());
    assertEquals(3, result("node_getPendingTxCount", "[]").asInt());
    assertTrue(result("node_isReady", "[]").asBoolean());
    assertTrue(result("node_getBlock", "[\"latest\"]").isNull());
    assertEquals(List.of("getBlockNumber", "getProvenBlockNumber", "getPendingTxCount", "isReady", "getBlockNumber",
        "getBlock 12"), API.calls);
    JsonNode info = result("node_getNodeInfo", "[]");
    assertEquals(31337, info.get("l1ChainId").asLong());
    assertEquals("proofs are not verified", info.get("notes").get(0).asText());
  }

  @Test
  void blockArgumentsAreCheckedBeforeTheNodeIsAsked() throws Exception {
    assertError(call("node_getBlock", "[-1]"), -32602, "block", "[0, 9223372036854775807]");
    assertError(call("node_getBlock", "[\"earliest\"]"), -32602, "block", "expected one of latest");
    assertError(call("node_getBlocks", "[1, 101]"), -32602, "limit", "[1, 100]");
    assertError(call("node_getBlocks", "[1, 0]"), -32602, "limit", "[1, 100]");
    assertEquals(0, result("node_getBlocks", "[1, 100]").size());
    assertEquals(List.of("getBlocks 1 100"), API.calls);
  }

  @Test
  void sendTxPassesTheDecodedTxAndAnswersItsHash() throws Exception {
    Tx tx = sampleTx();
    JsonNode answer = result("node_sendTx", "[" + TxJson.encode(tx) + "]");
    assertEquals(tx.hash().value().toHex(), answer.asText());
    assertEquals(List.of("sendTx " + tx.hash()), API.calls);
  }

  @Test
  void aRejectedTxIsAnAppErrorWithTheRejectionCode() throws Exception {
    API.verdicts = tx -> new TxVerdict.Rejected(TxVerdict.Code.DOUBLE_SPEND, "effects.nullifiers[0]",
        "nullifier is already in the nullifier tree");
    JsonNode answer = call("node_sendTx", "[" + TxJson.encode(sampleTx()) + "]");
    assertError(answer, -32000, "effects.nullifiers[0]", "already in the nullifier tree");
    assertEquals("DOUBLE_SPEND", answer.get("error").get("data").get("kind").asText());
    JsonNode validation = result("node_isValidTx", "[" + TxJson.encode(sampleTx()) + "]");
    assertEquals("invalid", validation.get("result").asText());
    assertEquals("DOUBLE_SPEND", validation.get("code").asText());
  }

  @Test
  void aMalformedTxNeverReachesTheNode() throws Exception {
    assertError(call("node_sendTx", "[{\"anchorBlockHash\": \"0x01\"}]"), -32602, "tx.chainId", "missing");
    assertError(call("node_sendTx", "[\"0xdeadbeef\"]"), -32602, "tx", "expected an object");
    assertEquals(List.of(), API.calls);
  }

  @Test
  void receiptsHaveALowercaseStatus() throws Exception {
    JsonNode receipt = result("node_getTxReceipt", "[\"0x1234\"]");
    assertEquals("unknown", receipt.get("status").asText());
    assertEquals(Fr.of(0x1234).toHex(), receipt.get("txHash").asText());
    assertError(call("node_getTxReceipt", "[\"1234\"]"), -32602, "txHash", "0x-prefixed");
  }

  @Test
  void witnessesHaveAztecsShape() throws Exception {
    API.leafWitness = Optional.of(new LeafWitness(new NullifierLeaf(Fr.of(5), Fr.of(9), 130), 129,
        new SiblingPath(List.of(Fr.of(1), Fr.of(2)))));
    JsonNode witness = result("node_getNullifierMembershipWitness", "[\"latest\", \"0x05\"]");
    assertEquals(129, witness.get("index").asLong());
    assertEquals(Fr.of(9).toHex(), witness.get("leafPreimage").get("nextNullifier").asText());
    assertEquals(130, witness.get("leafPreimage").get("nextIndex").asLong());
    assertEquals(List.of(Fr.of(1).toHex(), Fr.of(2).toHex()),
        TestServer.JSON.convertValue(witness.get("siblingPath"), List.class));
    assertEquals(List.of("getNullifierMembershipWitness latest " + Fr.of(5)), API.calls);
    assertTrue(result("node_getNoteHashMembershipWitness", "[3, \"0x07\"]").isNull());
    assertEquals(Fr.of(77).toHex(), result("node_getPublicStorageAt", "[3, \"0x01\", \"0x02\"]").asText());
  }

  @Test
  void tagListsAreCapped() throws Exception {
    String tags = IntStream.rangeClosed(1, 101).mapToObj(i -> "\"0x" + Integer.toHexString(i) + "\"")
        .collect(Collectors.joining(",", "[", "]"));
    assertError(call("node_getPrivateLogsByTags", "[" + tags + "]"), -32602, "tags", "has 101 elements, at most 100");
    assertEquals(2, result("node_getPrivateLogsByTags", "[[\"0x01\", \"0x02\"]]").size());
  }

  @Test
  void theFacadesArgumentErrorsAreInvalidParamsAndOtherFailuresAreInternal() throws Exception {
    API.failure = new IllegalArgumentException("block 99 is beyond the latest block 12");
    assertError(call("node_getBlock", "[99]"), -32602, "params", "beyond the latest block");
    API.failure = new IllegalStateException("journal unavailable");
    JsonNode internal = call("node_getBlockNumber", "[]");
    assertEquals(-32603, internal.get("error").get("code").asInt());
    assertTrue(!internal.toString().contains("journal"), internal.toString());
  }

  private static Tx sampleTx() {
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      return new RandomTxs(3, 31337, 1).next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
    }
  }

  private static JsonNode call(String method, String params) throws Exception {
    return server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
  }

  private static JsonNode result(String method, String params) throws Exception {
    JsonNode answer = call(method, params);
    assertTrue(answer.has("result"), answer.toString());
    return answer.get("result");
  }

  private static void assertError(JsonNode answer, int code, String field, String reasonPart) {
    JsonNode error = answer.get("error");
    assertTrue(error != null, "expected an error, got " + answer);
    assertEquals(code, error.get("code").asInt(), answer.toString());
    assertEquals(field, error.get("data").get("field").asText(), answer.toString());
    assertTrue(error.get("data").get("reason").asText().contains(reasonPart), answer.toString());
  }
}
