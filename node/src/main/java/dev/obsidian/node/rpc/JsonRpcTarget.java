package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.obsidian.actors.NodeInfo;
import dev.obsidian.actors.TxReceipt;
import dev.obsidian.actors.TxStatus;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.sim.BlockSummary;
import dev.obsidian.sim.LoadTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test's view of a node over JSON-RPC: {@code node_sendTx}, {@code node_getTxReceipt},
 * {@code node_getBlockNumber}, {@code node_getBlocks}, {@code node_getPendingTxCount} and {@code node_getNodeInfo},
 * called asynchronously with the JDK's HTTP client. Txs travel in {@link TxJson}'s form; a {@code TX_REJECTED}
 * error becomes a {@link TxVerdict.Rejected} with the code from {@code data.kind}, any other error fails the stage.
 */
public final class JsonRpcTarget implements LoadTarget {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicLong nextId = new AtomicLong();

  public JsonRpcTarget(URI url, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** A JSON-RPC error answer. */
  static final class CallFailed extends RuntimeException {
    final int code;
    final transient JsonNode data;

    CallFailed(String method, JsonNode error) {
      super(method + ": " + error.path("message").asText("error") + " (" + error.path("code").asInt() + ")"
          + (error.has("data") ? ": " + error.get("data") : ""), null, false, false);
      this.code = error.path("code").asInt();
      this.data = error.path("data");
    }
  }

  @Override
  public CompletionStage<NodeInfo> nodeInfo() {
    return call("node_getNodeInfo").thenApply(info -> {
      List<String> notes = new ArrayList<>();
      info.path("notes").forEach(note -> notes.add(note.asText()));
      return new NodeInfo(info.path("nodeVersion").asText(), required(info, "l1ChainId").asLong(),
          required(info, "rollupVersion").asLong(), info.path("protocolVersion").asText(), notes);
    });
  }

  @Override
  public CompletionStage<TxVerdict> sendTx(Tx tx) {
    return call("node_sendTx", TxJson.encode(tx)).<TxVerdict>thenApply(hash -> new TxVerdict.Accepted(TxHash.parse(hash.asText())))
        .exceptionally(JsonRpcTarget::rejection);
  }

  /** A TX_REJECTED error is a verdict; anything else stays a failure. */
  private static TxVerdict rejection(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof CallFailed call && call.code == ErrorCode.TX_REJECTED.code()) {
      return new TxVerdict.Rejected(TxVerdict.Code.valueOf(call.data.path("kind").asText()),
          call.data.path("field").asText(), call.data.path("reason").asText());
    }
    throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
  }

  @Override
  public CompletionStage<TxReceipt> txReceipt(TxHash txHash) {
    return call("node_getTxReceipt", txHash.toString()).thenApply(JsonRpcTarget::receipt);
  }

  private static TxReceipt receipt(JsonNode json) {
    String error = json.path("error").asText("");
    return new TxReceipt(TxHash.parse(required(json, "txHash").asText()),
        TxStatus.valueOf(required(json, "status").asText().toUpperCase(Locale.ROOT)),
        error.isEmpty() ? Optional.empty() : Optional.of(error),
        json.has("blockNumber") ? Optional.of(json.get("blockNumber").asLong()) : Optional.empty(),
        json.has("blockHash") ? Optional.of(Fr.parse(json.get("blockHash").asText())) : Optional.empty(),
        json.path("transactionFee").asLong());
  }

  @Override
  public CompletionStage<Long> blockNumber() {
    return call("node_getBlockNumber").thenApply(JsonNode::asLong);
  }

  @Override
  public CompletionStage<List<BlockSummary>> blocks(long from, int limit) {
    return call("node_getBlocks", from, Math.min(limit, MAX_BLOCKS_PER_CALL)).thenApply(blocks -> {
      List<BlockSummary> summaries = new ArrayList<>(blocks.size());
      blocks.forEach(block -> summaries.add(summary(block)));
      return summaries;
    });
  }

  private static BlockSummary summary(JsonNode block) {
    List<TxHash> txs = new ArrayList<>();
    required(block, "txEffects").forEach(effect -> txs.add(TxHash.parse(required(effect, "txHash").asText())));
    return new BlockSummary(required(block, "number").asLong(), Fr.parse(required(block, "hash").asText()), txs);
  }

  @Override
  public CompletionStage<Integer> pendingTxCount() {
    return call("node_getPendingTxCount").thenApply(JsonNode::asInt);
  }

  @Override
  public String description() {
    return url.toString();
  }

  private CompletionStage<JsonNode> call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", nextId.incrementAndGet())
        .put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(param instanceof JsonNode node ? node : JSON.valueToTree(param));
    }
    HttpRequest http = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(request))).build();
    return this.http.sendAsync(http, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> result(method, response));
  }

  private JsonNode result(String method, HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new UncheckedIOException(new IOException(url + " answered " + method + " with HTTP " + response.statusCode()));
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(url + " answered " + method + " with something that is not JSON", e);
    }
    if (answer.has("error")) {
      throw new CallFailed(method, answer.get("error"));
    }
    return required(answer, "result");
  }

  private static JsonNode required(JsonNode json, String member) {
    JsonNode value = json.get(member);
    if (value == null) {
      throw new IllegalStateException("the node's answer lacks \"" + member + "\": " + json);
    }
    return value;
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON tree, which never does I/O", e);
    }
  }
}
