package dev.obsidian.circuits.snarkjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.obsidian.circuits.bn254.Fq12;
import dev.obsidian.circuits.bn254.Fq2;
import dev.obsidian.circuits.bn254.Fq6;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.bn254.Pairing;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.VerifyingKey;
import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * snarkjs's JSON files for Groth16 on bn128: {@code verification_key.json}, {@code proof.json}, {@code public.json}.
 * Points are projective triples of decimal strings ([x, y, "1"]; G2 coordinates as [c0, c1]); infinity is
 * [0, 1, 0].
 */
public final class SnarkjsJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SnarkjsJson() {}

  // ---- verification_key.json ----

  public static ObjectNode verifyingKeyJson(VerifyingKey vk) {
    ObjectNode root = JSON.createObjectNode();
    root.put("protocol", "groth16");
    root.put("curve", "bn128");
    root.put("nPublic", vk.numPublic());
    root.set("vk_alpha_1", g1(vk.alpha1()));
    root.set("vk_beta_2", g2(vk.beta2()));
    root.set("vk_gamma_2", g2(vk.gamma2()));
    root.set("vk_delta_2", g2(vk.delta2()));
    root.set("vk_alphabeta_12", gt(Pairing.pair(vk.alpha1(), vk.beta2())));
    ArrayNode ic = root.putArray("IC");
    vk.ic().forEach(point -> ic.add(g1(point)));
    return root;
  }

  public static void writeVerifyingKey(VerifyingKey vk, Path path) throws IOException {
    JSON.writeValue(path.toFile(), verifyingKeyJson(vk));
  }

  public static VerifyingKey readVerifyingKey(Path path) throws IOException {
    JsonNode root = JSON.readTree(path.toFile());
    String where = path.toString();
    requireText(root, "protocol", "groth16", where);
    requireText(root, "curve", "bn128", where);
    JsonNode ic = field(root, "IC", where);
    List<G1Point> points = new ArrayList<>();
    for (int i = 0; i < ic.size(); i++) {
      points.add(readG1(ic.get(i), where + " IC[" + i + "]"));
    }
    VerifyingKey vk = new VerifyingKey(readG1(field(root, "vk_alpha_1", where), where + " vk_alpha_1"),
        readG2(field(root, "vk_beta_2", where), where + " vk_beta_2"),
        readG2(field(root, "vk_gamma_2", where), where + " vk_gamma_2"),
        readG2(field(root, "vk_delta_2", where), where + " vk_delta_2"), points);
    if (root.has("nPublic") && root.get("nPublic").asInt() != vk.numPublic()) {
      throw new IOException(where + ": nPublic " + root.get("nPublic").asInt() + " but IC has " + points.size()
          + " points");
    }
    return vk;
  }

  /** vk_alphabeta_12 as snarkjs writes it, parsed (for checking our pairing against snarkjs's value). */
  public static Fq12 readAlphaBeta(Path path) throws IOException {
    JsonNode node = field(JSON.readTree(path.toFile()), "vk_alphabeta_12", path.toString());
    return new Fq12(readFq6(node.get(0)), readFq6(node.get(1)));
  }

  // ---- proof.json ----

  public static ObjectNode proofJson(Proof proof) {
    ObjectNode root = JSON.createObjectNode();
    root.set("pi_a", g1(proof.a()));
    root.set("pi_b", g2(proof.b()));
    root.set("pi_c", g1(proof.c()));
    root.put("protocol", "groth16");
    root.put("curve", "bn128");
    return root;
  }

  public static void writeProof(Proof proof, Path path) throws IOException {
    JSON.writeValue(path.toFile(), proofJson(proof));
  }

  public static Proof readProof(Path path) throws IOException {
    JsonNode root = JSON.readTree(path.toFile());
    String where = path.toString();
    return new Proof(readG1(field(root, "pi_a", where), where + " pi_a"),
        readG2(field(root, "pi_b", where), where + " pi_b"), readG1(field(root, "pi_c", where), where + " pi_c"));
  }

  // ---- public.json ----

  public static void writePublic(List<Fr> inputs, Path path) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    inputs.forEach(x -> array.add(x.toBigInteger().toString()));
    JSON.writeValue(path.toFile(), array);
  }

  public static List<Fr> readPublic(Path path) throws IOException {
    JsonNode root = JSON.readTree(path.toFile());
    if (!root.isArray()) {
      throw new IOException(path + ": public inputs must be a JSON array of decimal strings");
    }
    List<Fr> inputs = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      try {
        inputs.add(Fr.parse(root.get(i).asText()));
      } catch (IllegalArgumentException e) {
        throw new IOException(path + ": public input " + i + ": " + e.getMessage(), e);
      }
    }
    return inputs;
  }

  // ---- points ----

  private static ArrayNode g1(G1Point p) {
    ArrayNode node = JSON.createArrayNode();
    if (p.isInfinity()) {
      return node.add("0").add("1").add("0");
    }
    return node.add(dec(p.x())).add(dec(p.y())).add("1");
  }

  private static ArrayNode g2(G2Point p) {
    ArrayNode node = JSON.createArrayNode();
    if (p.isInfinity()) {
      node.add(fq2(Fq2.ZERO));
      node.add(fq2(Fq2.ONE));
      node.add(fq2(Fq2.ZERO));
      return node;
    }
    node.add(fq2(p.x()));
    node.add(fq2(p.y()));
    node.add(fq2(Fq2.ONE));
    return node;
  }

  private static ArrayNode fq2(Fq2 v) {
    return JSON.createArrayNode().add(dec(v.c0())).add(dec(v.c1()));
  }

  private static ArrayNode gt(Fq12 v) {
    ArrayNode node = JSON.createArrayNode();
    for (Fq6 half : List.of(v.c0(), v.c1())) {
      ArrayNode six = node.addArray();
      six.add(fq2(half.c0()));
      six.add(fq2(half.c1()));
      six.add(fq2(half.c2()));
    }
    return node;
  }

  private static String dec(Fq v) {
    return v.toBigInteger().toString();
  }

  private static G1Point readG1(JsonNode node, String where) throws IOException {
    if (node == null || !node.isArray() || node.size() != 3) {
      throw new IOException(where + ": a G1 point must be [x, y, z]");
    }
    Fq x = fq(node.get(0), where);
    Fq y = fq(node.get(1), where);
    Fq z = fq(node.get(2), where);
    if (z.isZero()) {
      return G1Point.INFINITY;
    }
    Fq zInverse = z.inverse();
    G1Point point = new G1Point(x.mul(zInverse), y.mul(zInverse));
    if (!point.isOnCurve()) {
      throw new IOException(where + ": point is not on the BN254 curve");
    }
    return point;
  }

  private static G2Point readG2(JsonNode node, String where) throws IOException {
    if (node == null || !node.isArray() || node.size() != 3) {
      throw new IOException(where + ": a G2 point must be [[x0, x1], [y0, y1], [z0, z1]]");
    }
    Fq2 x = readFq2(node.get(0), where);
    Fq2 y = readFq2(node.get(1), where);
    Fq2 z = readFq2(node.get(2), where);
    if (z.isZero()) {
      return G2Point.INFINITY;
    }
    Fq2 zInverse = z.inverse();
    try {
      return G2Point.of(x.mul(zInverse), y.mul(zInverse));
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
  }

  private static Fq6 readFq6(JsonNode node) throws IOException {
    return new Fq6(readFq2(node.get(0), "Fq6"), readFq2(node.get(1), "Fq6"), readFq2(node.get(2), "Fq6"));
  }

  private static Fq2 readFq2(JsonNode node, String where) throws IOException {
    if (node == null || !node.isArray() || node.size() != 2) {
      throw new IOException(where + ": an Fq2 element must be [c0, c1]");
    }
    return new Fq2(fq(node.get(0), where), fq(node.get(1), where));
  }

  private static Fq fq(JsonNode node, String where) throws IOException {
    try {
      return Fq.fromBigInteger(new BigInteger(node.asText()));
    } catch (RuntimeException e) {
      throw new IOException(where + ": \"" + node.asText() + "\" is not a decimal Fq value below p", e);
    }
  }

  private static JsonNode field(JsonNode root, String name, String where) throws IOException {
    JsonNode node = root.get(name);
    if (node == null) {
      throw new IOException(where + ": missing field \"" + name + "\"");
    }
    return node;
  }

  private static void requireText(JsonNode root, String name, String expected, String where) throws IOException {
    String value = field(root, name, where).asText();
    if (!value.equals(expected)) {
      throw new IOException(where + ": " + name + " is \"" + value + "\", expected \"" + expected + "\"");
    }
  }
}
