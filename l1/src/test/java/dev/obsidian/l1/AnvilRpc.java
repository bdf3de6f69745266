package dev.obsidian.l1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Anvil's test-only JSON-RPC methods (evm_snapshot, evm_revert, evm_mine, evm_setAutomine ...). */
final class AnvilRpc {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String url;
  private final HttpClient http = HttpClient.newHttpClient();

  AnvilRpc(String url) {
    this.url = url;
  }

  JsonNode call(String method, Object... params) {
    try {
      String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method,
          "params", List.of(params)));
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode reply = JSON.readTree(response.body());
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.get("result");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void automine(boolean on) {
    call("evm_setAutomine", on);
  }

  void mine() {
    call("evm_mine");
  }
}
