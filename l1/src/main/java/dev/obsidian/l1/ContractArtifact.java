package dev.obsidian.l1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A compiled contract as l1/scripts/compile.mjs writes it to {@code contracts/<name>.json}: ABI, creation bytecode and
 * the SHA-256 of the Solidity sources it came from.
 */
public record ContractArtifact(String name, JsonNode abi, byte[] bytecode, String sourcesSha256, String compiler) {

  public static final List<String> NAMES = List.of("Rollup", "Inbox", "Outbox", "TokenPortal", "TestERC20",
      "Groth16Verifier", "BlockProofVerifier", "Poseidon2Harness");
  private static final ObjectMapper JSON = new ObjectMapper();

  public ContractArtifact {
    bytecode = bytecode.clone();
  }

  @Override
  public byte[] bytecode() {
    return bytecode.clone();
  }

  public static ContractArtifact load(String name) {
    String resource = "/contracts/" + name + ".json";
    try (InputStream in = ContractArtifact.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("contract artifact " + resource + " is missing from the classpath");
      }
      JsonNode root = JSON.readTree(in);
      String hex = root.get("bytecode").asText();
      return new ContractArtifact(name, root.get("abi"),
          HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex),
          root.get("sourcesSha256").asText(), root.get("compiler").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract artifact " + resource, e);
    }
  }

  public static List<ContractArtifact> all() {
    List<ContractArtifact> artifacts = new ArrayList<>();
    for (String name : NAMES) {
      artifacts.add(load(name));
    }
    return artifacts;
  }

  /** The ABI entries of type {@code error}. */
  List<JsonNode> errors() {
    List<JsonNode> errors = new ArrayList<>();
    abi.forEach(entry -> {
      if ("error".equals(entry.path("type").asText())) {
        errors.add(entry);
      }
    });
    return errors;
  }
}
