package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small JSON-RPC 2.0 client over the JDK's HTTP client, for {@code obsidian status} and tests. Transport
 * failures are {@link UncheckedIOException}; error answers are {@link RpcCallException}.
 */
public final class RpcClient {

  /** One call of a batch: a method and its positional params (JSON values, or Strings/numbers/booleans). */
  public record Call(String method, List<Object> params) {
    public Call {
      Objects.requireNonNull(method, "method");
      params = List.copyOf(params);
    }

    public static Call of(String method, Object... params) {
      return new Call(method, List.of(params));
    }
  }

  /** A JSON-RPC error answer: its code, message and {@code data} (null if none). */
  public static final class RpcCallException extends RuntimeException {
    private final int code;
    private final transient JsonNode data;

    RpcCallException(String method, JsonNode error) {
      super(method + ": " + error.path("message").asText("error") + " (" + error.path("code").asInt() + ")"
          + (error.has("data") ? ": " + error.get("data") : ""));
      this.code = error.path("code").asInt();
      this.data = error.get("data");
    }

    public int code() {
      return code;
    }

    public JsonNode data() {
      return data;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  public RpcClient(URI url, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  public URI url() {
    return url;
  }

  /** Calls {@code method} and returns its result. */
  public JsonNode call(String method, Object... params) {
    return batch(List.of(Call.of(method, params))).get(0);
  }

  /** Sends the calls as one batch; the results come back in the calls' order. */
  public List<JsonNode> batch(List<Call> calls) {
    ArrayNode body = JSON.createArrayNode();
    for (int i = 0; i < calls.size(); i++) {
      ObjectNode request = body.addObject().put("jsonrpc", "2.0").put("id", i).put("method", calls.get(i).method());
      ArrayNode params = request.putArray("params");
      calls.get(i).params().forEach(param -> params.add(JSON.valueToTree(param)));
    }
    JsonNode answers = post(body);
    if (!answers.isArray() || answers.size() != calls.size()) {
      throw new UncheckedIOException(new IOException(url + " answered a batch of " + calls.size()
          + " with " + answers));
    }
    List<JsonNode> results = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      results.add(null);
    }
    for (JsonNode answer : answers) {
      int id = answer.path("id").asInt(-1);
      if (id < 0 || id >= calls.size()) {
        throw new UncheckedIOException(new IOException(url + " answered with an unknown id: " + answer));
      }
      if (answer.has("error")) {
        throw new RpcCallException(calls.get(id).method(), answer.get("error"));
      }
      results.set(id, answer.get("result"));
    }
    return results;
  }

  private JsonNode post(JsonNode body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(url)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
          .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException(url + " answered HTTP " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while calling " + url, e));
    }
  }
}
