package dev.obsidian.l1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obsidian.crypto.protocol.EthAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the contracts of one deployment live, and the L1 block it started at (the archiver's first block). */
public record L1Contracts(
    long chainId, EthAddress rollup, EthAddress inbox, EthAddress outbox, EthAddress testToken,
    EthAddress tokenPortal, long deploymentL1Block) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("l1ChainId", chainId);
    map.put("rollupAddress", rollup.toString());
    map.put("inboxAddress", inbox.toString());
    map.put("outboxAddress", outbox.toString());
    map.put("testTokenAddress", testToken.toString());
    map.put("tokenPortalAddress", tokenPortal.toString());
    map.put("deploymentL1Block", deploymentL1Block);
    return map;
  }

  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static L1Contracts fromJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      return new L1Contracts(root.get("l1ChainId").asLong(), address(root, "rollupAddress"),
          address(root, "inboxAddress"), address(root, "outboxAddress"), address(root, "testTokenAddress"),
          address(root, "tokenPortalAddress"), root.get("deploymentL1Block").asLong());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an L1 contracts file: " + e.getMessage(), e);
    }
  }

  public void writeTo(Path file) {
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, toJson());
      Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static L1Contracts readFrom(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static EthAddress address(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field " + field + " is missing");
    }
    return EthAddress.fromHex(value.asText());
  }

}
