package dev.obsidian.l1;

import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.field.Fr;
import java.time.Duration;

/** One ephemeral automining Anvil per test class, and fresh deployments on it. */
final class AnvilFixture implements AutoCloseable {
  /** Anvil's dev account 1: funded, public, a second sender for "wrong sender" cases. */
  static final String DEV_KEY_1 = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  final AnvilProcess anvil = AnvilProcess.start(AnvilProcess.Options.ephemeral());
  final L1Client sequencer = connect(L1PrivateKey.ANVIL_DEV_ACCOUNT_0);
  final L1Client other = connect(devKey1());

  static L1PrivateKey devKey1() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("dev-key", ".txt");
      java.nio.file.Files.writeString(file, DEV_KEY_1);
      L1PrivateKey key = L1PrivateKey.fromFile(file);
      java.nio.file.Files.delete(file);
      return key;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  L1Client connect(L1PrivateKey key) {
    return L1Client.connect(anvil.rpcUrl(), key, 31337, Duration.ofSeconds(30));
  }

  L1Contracts deploy(long pruneWindowL1Blocks) {
    return Deployer.deploy(sequencer, new Deployer.Options(sequencer.sender(), Constants.GENESIS_ARCHIVE_ROOT, 1,
        pruneWindowL1Blocks, Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.of(0xb41d6e)));
  }

  /** A raw JSON-RPC call to the Anvil (evm_snapshot, evm_revert, anvil_mine, anvil_setCode ...); its result as text. */
  String rpc(String method, Object... params) {
    try {
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      String body = json.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method,
          "params", java.util.List.of(params)));
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(anvil.rpcUrl()))
              .header("Content-Type", "application/json")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      com.fasterxml.jackson.databind.JsonNode reply = json.readTree(response.body());
      if (reply.has("error")) {
        throw new IllegalStateException(method + ": " + reply.get("error"));
      }
      return reply.get("result").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sequencer.close();
    other.close();
    anvil.close();
  }
}
