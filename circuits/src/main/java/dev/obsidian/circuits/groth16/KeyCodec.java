package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.bn254.Curves;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The stable binary encoding of Groth16 keys and proofs (big-endian throughout):
 * <ul>
 *   <li>G1 point: x, y as 32-byte canonical Fq (infinity = 64 zero bytes); G2 point: x.c0, x.c1, y.c0, y.c1.</li>
 *   <li>Proof "OBG16PRF" v1: A, B, C.</li>
 *   <li>Verifying key "OBG16VK\0" v1: u32 numPublic, α₁, β₂, γ₂, δ₂, numPublic + 1 ic points.</li>
 *   <li>Proving key "OBG16PK\0" v1: u32 numPublic, numWires, numConstraints, log2 domain size; α₁, β₁, δ₁, β₂, δ₂;
 *   a, b1 (numWires G1), b2 (numWires G2), l (numWires - numPublic - 1 G1), h (2^log2 - 1 G1); then the
 *   verifying key's encoding.</li>
 * </ul>
 * A key's content hash is the SHA-256 of its encoding, printed as hex.
 */
public final class KeyCodec {
  private static final byte[] PROOF_MAGIC = {'O', 'B', 'G', '1', '6', 'P', 'R', 'F'};
  private static final byte[] VK_MAGIC = {'O', 'B', 'G', '1', '6', 'V', 'K', 0};
  private static final byte[] PK_MAGIC = {'O', 'B', 'G', '1', '6', 'P', 'K', 0};
  private static final int VERSION = 1;

  private KeyCodec() {}

  // ---- proofs ----

  public static byte[] encode(Proof proof) {
    return bytes(out -> {
      out.write(PROOF_MAGIC);
      out.writeInt(VERSION);
      writeG1(out, proof.a());
      writeG2(out, proof.b());
      writeG1(out, proof.c());
    });
  }

  public static Proof decodeProof(byte[] encoded) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
    header(in, PROOF_MAGIC, "proof");
    Proof proof = new Proof(readG1(in, "proof.a"), readG2(in, "proof.b", true), readG1(in, "proof.c"));
    end(in, "proof");
    return proof;
  }

  // ---- verifying keys ----

  public static byte[] encode(VerifyingKey vk) {
    return bytes(out -> writeVerifyingKey(out, vk));
  }

  public static VerifyingKey decodeVerifyingKey(byte[] encoded) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
    VerifyingKey vk = readVerifyingKey(in);
    end(in, "verifying key");
    return vk;
  }

  private static void writeVerifyingKey(DataOutputStream out, VerifyingKey vk) throws IOException {
    out.write(VK_MAGIC);
    out.writeInt(VERSION);
    out.writeInt(vk.numPublic());
    writeG1(out, vk.alpha1());
    writeG2(out, vk.beta2());
    writeG2(out, vk.gamma2());
    writeG2(out, vk.delta2());
    for (G1Point point : vk.ic()) {
      writeG1(out, point);
    }
  }

  private static VerifyingKey readVerifyingKey(DataInputStream in) throws IOException {
    header(in, VK_MAGIC, "verifying key");
    int numPublic = count(in, "verifying key numPublic", 1 << 20);
    G1Point alpha = readG1(in, "vk.alpha1");
    G2Point beta = readG2(in, "vk.beta2", true);
    G2Point gamma = readG2(in, "vk.gamma2", true);
    G2Point delta = readG2(in, "vk.delta2", true);
    List<G1Point> ic = new ArrayList<>();
    for (int j = 0; j <= numPublic; j++) {
      ic.add(readG1(in, "vk.ic[" + j + "]"));
    }
    return new VerifyingKey(alpha, beta, gamma, delta, ic);
  }

  // ---- proving keys ----

  /** Writes the key and returns its content hash. */
  public static String write(ProvingKey pk, Path path) throws IOException {
    MessageDigest sha = sha256();
    try (OutputStream file = Files.newOutputStream(path);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(file, sha),
            1 << 16))) {
      writeProvingKey(out, pk);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Reads a key; with {@code expectedHash} non-null, rejects a file whose content hash differs. */
  public static ProvingKey read(Path path, String expectedHash) throws IOException {
    MessageDigest sha = sha256();
    ProvingKey pk;
    try (InputStream file = Files.newInputStream(path);
        DataInputStream in = new DataInputStream(new BufferedInputStream(
            new java.security.DigestInputStream(file, sha), 1 << 16))) {
      pk = readProvingKey(in, path.toString());
      end(in, path.toString());
    }
    String hash = HexFormat.of().formatHex(sha.digest());
    if (expectedHash != null && !expectedHash.equalsIgnoreCase(hash)) {
      throw new IOException(path + ": content hash " + hash + " differs from the expected " + expectedHash);
    }
    return pk;
  }

  public static String contentHash(ProvingKey pk) {
    MessageDigest sha = sha256();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new DigestOutputStream(OutputStream.nullOutputStream(), sha), 1 << 16))) {
      writeProvingKey(out, pk);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  public static String contentHash(VerifyingKey vk) {
    return HexFormat.of().formatHex(sha256().digest(encode(vk)));
  }

  private static void writeProvingKey(DataOutputStream out, ProvingKey pk) throws IOException {
    out.write(PK_MAGIC);
    out.writeInt(VERSION);
    out.writeInt(pk.numPublic());
    out.writeInt(pk.numWires());
    out.writeInt(pk.numConstraints());
    out.writeInt(pk.log2DomainSize());
    for (long[] points : List.of(pk.alpha1(), pk.beta1(), pk.delta1(), pk.beta2(), pk.delta2(), pk.a(), pk.b1(),
        pk.b2(), pk.l(), pk.h())) {
      Curves.writeFq(out, points, 0, points.length);
    }
    writeVerifyingKey(out, pk.verifyingKey());
  }

  private static ProvingKey readProvingKey(DataInputStream in, String where) throws IOException {
    header(in, PK_MAGIC, where);
    int numPublic = count(in, where + " numPublic", 1 << 28);
    int numWires = count(in, where + " numWires", 1 << 28);
    int numConstraints = count(in, where + " numConstraints", 1 << 28);
    int log2 = count(in, where + " log2DomainSize", 28);
    if (numWires < numPublic + 1) {
      throw new IOException(where + ": numWires " + numWires + " must exceed numPublic " + numPublic);
    }
    int n = 1 << log2;
    long[] alpha1 = g1s(in, 1, where);
    long[] beta1 = g1s(in, 1, where);
    long[] delta1 = g1s(in, 1, where);
    long[] beta2 = g2s(in, 1, where);
    long[] delta2 = g2s(in, 1, where);
    long[] a = g1s(in, numWires, where);
    long[] b1 = g1s(in, numWires, where);
    long[] b2 = g2s(in, numWires, where);
    long[] l = g1s(in, numWires - numPublic - 1, where);
    long[] h = g1s(in, n - 1, where);
    VerifyingKey vk = readVerifyingKey(in);
    return new ProvingKey(numPublic, numWires, numConstraints, log2, alpha1, beta1, delta1, beta2, delta2, a, b1,
        b2, l, h, vk);
  }

  // The proving key's bulk points are not curve-checked one by one (the content hash pins the file); the points a
  // verifier relies on (vk, proof) are.
  private static long[] g1s(DataInputStream in, int count, String where) throws IOException {
    long[] slots = new long[8 * count];
    Curves.readFq(in, slots, 0, slots.length, where);
    return slots;
  }

  private static long[] g2s(DataInputStream in, int count, String where) throws IOException {
    long[] slots = new long[16 * count];
    Curves.readFq(in, slots, 0, slots.length, where);
    return slots;
  }

  // ---- points ----

  private static void writeG1(DataOutputStream out, G1Point p) throws IOException {
    Curves.writeFq(out, p.toSlots(), 0, 8);
  }

  private static void writeG2(DataOutputStream out, G2Point p) throws IOException {
    Curves.writeFq(out, p.toSlots(), 0, 16);
  }

  private static G1Point readG1(DataInputStream in, String what) throws IOException {
    long[] slots = new long[8];
    Curves.readFq(in, slots, 0, 8, what);
    G1Point p = G1Point.fromSlots(slots, 0);
    if (!p.isOnCurve()) {
      throw new IOException(what + ": not a point of G1");
    }
    return p;
  }

  private static G2Point readG2(DataInputStream in, String what, boolean checkSubgroup) throws IOException {
    long[] slots = new long[16];
    Curves.readFq(in, slots, 0, 16, what);
    G2Point p = G2Point.fromSlots(slots, 0);
    if (!p.isOnCurve() || (checkSubgroup && !p.isInSubgroup())) {
      throw new IOException(what + ": not a point of G2");
    }
    return p;
  }

  // ---- framing ----

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] bytes(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return bytes.toByteArray();
  }

  private static void header(DataInputStream in, byte[] magic, String what) throws IOException {
    byte[] found = new byte[magic.length];
    in.readFully(found);
    if (!java.util.Arrays.equals(found, magic)) {
      throw new IOException(what + ": wrong magic, not an Obsidian Groth16 " + what);
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(what + ": version " + version + " is not supported (expected " + VERSION + ")");
    }
  }

  private static int count(DataInputStream in, String what, int max) throws IOException {
    int value = in.readInt();
    if (value < 0 || value > max) {
      throw new IOException(what + ": " + value + " is out of range [0, " + max + "]");
    }
    return value;
  }

  private static void end(DataInputStream in, String what) throws IOException {
    if (in.read() != -1) {
      throw new IOException(what + ": trailing bytes after the encoding");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
