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
record NodeStatus(String url, long blockNumber, long provenBlockNumber, long pendingTxs, Map<String, Fr> roots) {

  static NodeStatus fetch(RpcClient client) {
    List<JsonNode> answers = client.batch(List.of(
        RpcClient.Call.of("node_getBlock", "latest"),
        RpcClient.Call.of("node_getProvenBlockNumber"),
        RpcClient.Call.of("node_getPendingTxCount")));
    JsonNode block = answers.get(0);
    long number = block.isNull() ? 0 : block.get("number").asLong();
    Map<String, Fr> roots = block.isNull() ? genesisRoots() : roots(block);
    return new NodeStatus(client.url().toString(), number, answers.get(1).asLong(), answers.get(2).asLong(), roots);
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
    text.append(String.format("published    not tracked by the node yet: see `obsidian l1 status`%n"));
    text.append(String.format("mempool      %d pending txs%n", pendingTxs()));
    text.append(String.format("roots after block %d%n", blockNumber()));
    roots().forEach((tree, root) -> text.append(String.format("  %-12s %s%n", tree, root.toHex())));
    return text.toString();
  }

  /** One JSON object; the published height is null until blocks are published to L1. */
  String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode()
        .put("url", url())
        .put("blockNumber", blockNumber())
        .put("provenBlockNumber", provenBlockNumber())
        .putNull("publishedBlockNumber")
        .put("pendingTxs", pendingTxs());
    ObjectNode roots = json.putObject("roots");
    roots().forEach((tree, root) -> roots.put(tree, root.toHex()));
    return json.toString();
  }
}
