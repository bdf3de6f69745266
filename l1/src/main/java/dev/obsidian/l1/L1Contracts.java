package dev.obsidian.l1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obsidian.crypto.protocol.EthAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the contracts of one deployment live, the L1 block it started at (the archiver's first block), and whether
 * its Rollup checks proofs (with which verifier keys).
 */
public record L1Contracts(
    long chainId, EthAddress rollup, EthAddress inbox, EthAddress outbox, EthAddress testToken,
    EthAddress tokenPortal, long deploymentL1Block, ProofChecking proofChecking) {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PROOF_CHECKING_FIELD = "proofCheckingEnabled";
  static final String VERIFIER_FIELD = "blockProofVerifier";

  /** One variant of the Rollup's BlockProofVerifier as recorded: its circuit and the hash of its verifying key. */
  public record VerifierVariant(String circuit, int capacity, String verifyingKeyHash) {}

  /**
   * Whether the Rollup checks each block's proofs ({@code PROOF_CHECKING_ENABLED}) and, when it does, the variants
   * of its BlockProofVerifier in index order (deployments recorded before this field existed had it off).
   */
  public record ProofChecking(boolean enabled, List<VerifierVariant> roots, List<VerifierVariant> bases) {
    public static final ProofChecking OFF = new ProofChecking(false, List.of(), List.of());

    public ProofChecking {
      roots = List.copyOf(roots);
      bases = List.copyOf(bases);
      if (!enabled && (!roots.isEmpty() || !bases.isEmpty())) {
        throw new IllegalArgumentException("verifier variants are recorded only with proof checking on");
      }
    }
  }

  public L1Contracts {
    if (proofChecking == null) {
      throw new IllegalArgumentException("proofChecking must be present (ProofChecking.OFF when off)");
    }
  }

  /** A deployment without proof checking. */
  public L1Contracts(long chainId, EthAddress rollup, EthAddress inbox, EthAddress outbox, EthAddress testToken,
      EthAddress tokenPortal, long deploymentL1Block) {
    this(chainId, rollup, inbox, outbox, testToken, tokenPortal, deploymentL1Block, ProofChecking.OFF);
  }

  public L1Contracts withProofChecking(ProofChecking checking) {
    return new L1Contracts(chainId, rollup, inbox, outbox, testToken, tokenPortal, deploymentL1Block, checking);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("l1ChainId", chainId);
    map.put("rollupAddress", rollup.toString());
    map.put("inboxAddress", inbox.toString());
    map.put("outboxAddress", outbox.toString());
    map.put("testTokenAddress", testToken.toString());
    map.put("tokenPortalAddress", tokenPortal.toString());
    map.put("deploymentL1Block", deploymentL1Block);
    map.put(PROOF_CHECKING_FIELD, proofChecking.enabled());
    if (proofChecking.enabled()) {
      Map<String, Object> verifier = new LinkedHashMap<>();
      verifier.put("rootVariants", variants(proofChecking.roots()));
      verifier.put("baseVariants", variants(proofChecking.bases()));
      map.put(VERIFIER_FIELD, verifier);
    }
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
          address(root, "tokenPortalAddress"), root.get("deploymentL1Block").asLong(), proofChecking(root));
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

  private static List<Map<String, Object>> variants(List<VerifierVariant> variants) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (VerifierVariant variant : variants) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("circuit", variant.circuit());
      map.put("capacity", variant.capacity());
      map.put("verifyingKeyHash", variant.verifyingKeyHash());
      out.add(map);
    }
    return out;
  }

  private static ProofChecking proofChecking(JsonNode root) {
    JsonNode enabled = root.get(PROOF_CHECKING_FIELD);
    if (enabled == null) {
      return ProofChecking.OFF; // recorded before the field existed: every such deployment had checking off
    }
    if (!enabled.isBoolean()) {
      throw new IllegalArgumentException("field " + PROOF_CHECKING_FIELD + " must be true or false");
    }
    if (!enabled.asBoolean()) {
      return ProofChecking.OFF;
    }
    JsonNode verifier = root.get(VERIFIER_FIELD);
    if (verifier == null || !verifier.isObject()) {
      throw new IllegalArgumentException("field " + VERIFIER_FIELD + " is missing (" + PROOF_CHECKING_FIELD
          + " is true)");
    }
    return new ProofChecking(true, variants(verifier, "rootVariants"), variants(verifier, "baseVariants"));
  }

  private static List<VerifierVariant> variants(JsonNode verifier, String field) {
    JsonNode list = verifier.get(field);
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("field " + VERIFIER_FIELD + "." + field + " is missing");
    }
    List<VerifierVariant> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      String at = VERIFIER_FIELD + "." + field + "[" + i + "]";
      if (!v.path("circuit").isTextual() || !v.path("capacity").isInt() || !v.path("verifyingKeyHash").isTextual()) {
        throw new IllegalArgumentException("field " + at + " needs circuit, capacity and verifyingKeyHash");
      }
      out.add(new VerifierVariant(v.get("circuit").asText(), v.get("capacity").asInt(),
          v.get("verifyingKeyHash").asText()));
    }
    return out;
  }

  private static EthAddress address(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field " + field + " is missing");
    }
    return EthAddress.fromHex(value.asText());
  }

}
