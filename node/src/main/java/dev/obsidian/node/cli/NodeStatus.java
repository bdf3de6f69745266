package dev.obsidian.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.RpcClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code obsidian status} shows, read in one JSON-RPC batch: heights, mempool size and the five tree
 * roots after the latest block.
 *
 * @param roots by tree name (archive, note-hash, nullifier, public-data, l1-to-l2), in that order
 */
record NodeStatus(String url, long blockNumber, long provenBlockNumber, long publishedBlockNumber,
    long pendingTxs, Map<String, Fr> roots, JsonNode l1Publisher) {

  static NodeStatus fetch(RpcClient client) {
    List<JsonNode> answers = client.batch(List.of(
        RpcClient.Call.of("node_getBlock", "latest"),
        RpcClient.Call.of("node_getProvenBlockNumber"),
        RpcClient.Call.of("node_getPendingTxCount"),
        RpcClient.Call.of("node_getL2Tips"),
        RpcClient.Call.of("node_getNodeInfo")));
    JsonNode block = answers.get(0);
    long number = block.isNull() ? 0 : block.get("number").asLong();
    Map<String, Fr> roots = block.isNull() ? genesisRoots() : roots(block);
    long published = answers.get(3).get("checkpointed").get("number").asLong();
    JsonNode publisher = answers.get(4).path("l1Publisher");
    return new NodeStatus(client.url().toString(), number, answers.get(1).asLong(), published,
        answers.get(2).asLong(), roots, publisher.isMissingNode() ? null : publisher);
  }

  private static Map<String, Fr> roots(JsonNode block) {
    JsonNode state = block.get("header").get("state");
    JsonNode partial = state.get("partial");
    Map<String, Fr> roots = new LinkedHashMap<>();
    roots.put("archive", root(block.get("archive")));
    roots.put("note-hash", root(partial.get("noteHashTree")));
    roots.put("nullifier", root(partial.get("nullifierTree")));
    roots.put("public-data", root(partial.get("publicDataTree")));
    roots.put("l1-to-l2", root(state.get("l1ToL2MessageTree")));
    return roots;
  }

  /** Before the first block the node has no block to report; the genesis trees are Aztec's, fixed. */
  private static Map<String, Fr> genesisRoots() {
    Map<String, Fr> roots = new LinkedHashMap<>();
    roots.put("archive", Constants.GENESIS_ARCHIVE_ROOT);
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      roots.put("note-hash", genesis.treeInfo(TreeId.NOTE_HASH).root());
      roots.put("nullifier", genesis.treeInfo(TreeId.NULLIFIER).root());
      roots.put("public-data", genesis.treeInfo(TreeId.PUBLIC_DATA).root());
      roots.put("l1-to-l2", genesis.treeInfo(TreeId.L1_TO_L2_MESSAGE).root());
    }
    return roots;
  }

  private static Fr root(JsonNode tree) {
    return Fr.fromHex(tree.get("root").asText());
  }

  /** Aligned text, one fact per line. */
  String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("node         %s%n", url()));
    text.append(String.format("block        %d%n", blockNumber()));
    text.append(String.format("proven       %d%n", provenBlockNumber()));
    text.append(String.format("published    %d%s%n", publishedBlockNumber(), l1Publisher() == null
        ? " (no L1 publisher)" : latencyText()));
    text.append(String.format("mempool      %d pending txs%n", pendingTxs()));
    text.append(String.format("roots after block %d%n", blockNumber()));
    roots().forEach((tree, root) -> text.append(String.format("  %-12s %s%n", tree, root.toHex())));
    return text.toString();
  }

  private String latencyText() {
    JsonNode latency = l1Publisher().path("latencyMs");
    String text = latency.path("samples").asLong() == 0 ? ""
        : String.format(" (L1 latency p50 %d ms, p90 %d ms, max %d ms over %d blocks)", latency.path("p50").asLong(),
            latency.path("p90").asLong(), latency.path("max").asLong(), latency.path("samples").asLong());
    JsonNode error = l1Publisher().path("lastError");
    return error.isTextual() ? text + " - last L1 error: " + error.asText() : text;
  }

  /** One JSON object; {@code l1Publisher} (published height, L1 latency, last error) is null without L1. */
  String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode()
        .put("url", url())
        .put("blockNumber", blockNumber())
        .put("provenBlockNumber", provenBlockNumber())
        .put("publishedBlockNumber", publishedBlockNumber())
        .put("pendingTxs", pendingTxs());
    json.set("l1Publisher", l1Publisher());
    ObjectNode roots = json.putObject("roots");
    roots().forEach((tree, root) -> roots.put(tree, root.toHex()));
    return json.toString();
  }
}
