package dev.obsidian.circuits.snarkjs;

import dev.obsidian.circuits.bn254.Fq2;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.fft.Domain;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.VerifyingKey;
import dev.obsidian.circuits.r1cs.Constraint;
import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.r1cs.Term;
import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a snarkjs Groth16 {@code .zkey} (phase 2 of a ceremony, e.g. after {@code snarkjs zkey contribute}) for one of
 * our R1CS and turns it into our {@link ProvingKey}, so a ceremony key replaces the dev key.
 *
 * <p>The zkey must be for exactly this R1CS: the sizes, and every A and B coefficient of section 4 (plus snarkjs's
 * public-input binding rows), are compared with the circuit's; any difference is refused naming it. Points are
 * stored in Montgomery form, little-endian. snarkjs's H section holds [L_{2i+1}(τ)/δ]₁, the Lagrange basis of the
 * 2n-th roots at the odd points; our prover takes [τ^j·Z(τ)/δ]₁. Since τ^j·Z(τ) has degree below 2n and Z is -2 at
 * every odd 2n-th root ω^{2i+1}, [τ^j·Z(τ)/δ]₁ = -2·ω^j·Σ_i ω_n^{ij}·H_i: one DFT over G1 points (n/2·log n scalar
 * multiplications, done once at import).
 */
public final class ZkeyFile {
  private static final BigInteger R_MODULUS = Fr.MODULUS;
  private static final BigInteger R_INVERSE_SQUARED =
      BigInteger.ONE.shiftLeft(256).mod(R_MODULUS).pow(2).modInverse(R_MODULUS);

  private ZkeyFile() {}

  /** Reads {@code path} as a Groth16 zkey for {@code r1cs}; throws naming the first field that does not match. */
  public static ProvingKey read(Path path, R1cs r1cs) throws IOException {
    BinFile file = BinFile.read(path, "zkey");
    int protocol = file.section(1).getInt();
    if (protocol != 1) {
      throw new IOException(path + ": protocol " + protocol + " is not Groth16 (1)");
    }
    ByteBuffer header = file.section(2);
    checkPrime(header, Fq.MODULUS, path + ": base field q");
    checkPrime(header, R_MODULUS, path + ": scalar field r");
    int nVars = header.getInt();
    int nPublic = header.getInt();
    int domainSize = header.getInt();
    int m = r1cs.constraints().size();
    Domain domain = Domain.atLeast(m + r1cs.numPublic() + 1);
    requireSame(path, "nVars (wires)", nVars, r1cs.numWires());
    requireSame(path, "nPublic", nPublic, r1cs.numPublic());
    requireSame(path, "domainSize", domainSize, domain.size());
    G1Point alpha1 = g1(header, "alpha1");
    G1Point beta1 = g1(header, "beta1");
    G2Point beta2 = g2(header, "beta2");
    G2Point gamma2 = g2(header, "gamma2");
    G1Point delta1 = g1(header, "delta1");
    G2Point delta2 = g2(header, "delta2");
    checkCoefficients(path, file.section(4), r1cs);
    List<G1Point> ic = g1s(file.section(3), nPublic + 1, "IC");
    long[] a = slots(g1s(file.section(5), nVars, "A"));
    long[] b1 = slots(g1s(file.section(6), nVars, "B1"));
    long[] b2 = g2Slots(g2s(file.section(7), nVars, "B2"));
    long[] l = slots(g1s(file.section(8), nVars - nPublic - 1, "C"));
    List<G1Point> hLagrange = g1s(file.section(9), domainSize, "H");
    long[] h = slots(monomialH(hLagrange, domain.log2Size()));
    VerifyingKey vk = new VerifyingKey(alpha1, beta2, gamma2, delta2, ic);
    return new ProvingKey(nPublic, nVars, m, domain.log2Size(), alpha1.toSlots(), beta1.toSlots(), delta1.toSlots(),
        beta2.toSlots(), delta2.toSlots(), a, b1, b2, l, h, vk);
  }

  /** [τ^j·Z(τ)/δ]₁ for j &lt; n - 1 from snarkjs's odd-coset Lagrange points (see the class comment). */
  static List<G1Point> monomialH(List<G1Point> lagrangeOdd, int log2) {
    int n = lagrangeOdd.size();
    Fr omegaN = rootOfUnity(log2);
    G1Point[] values = lagrangeOdd.toArray(G1Point[]::new);
    dft(values, omegaN);
    Fr omega2n = rootOfUnity(log2 + 1);
    Fr factor = Fr.of(2).neg();
    List<G1Point> out = new ArrayList<>(n - 1);
    for (int j = 0; j < n - 1; j++) {
      out.add(values[j].mul(factor));
      factor = factor.mul(omega2n);
    }
    return out;
  }

  /** ffjavascript's roots: 5^((r-1)/2^k), 5 being the multiplicative generator it uses. */
  static Fr rootOfUnity(int log2) {
    BigInteger exponent = R_MODULUS.subtract(BigInteger.ONE).shiftRight(log2);
    return Fr.fromBigInteger(BigInteger.valueOf(5).modPow(exponent, R_MODULUS));
  }

  /** In place: X_j = Σ_i ω^{ij}·x_i (radix-2, decimation in time). */
  static void dft(G1Point[] x, Fr omega) {
    int n = x.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        G1Point t = x[i];
        x[i] = x[j];
        x[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      Fr step = omega.pow(n / len);
      for (int start = 0; start < n; start += len) {
        Fr w = Fr.ONE;
        for (int k = 0; k < len / 2; k++) {
          G1Point even = x[start + k];
          G1Point odd = w.equals(Fr.ONE) ? x[start + k + len / 2] : x[start + k + len / 2].mul(w);
          x[start + k] = even.add(odd);
          x[start + k + len / 2] = even.add(odd.negate());
          w = w.mul(step);
        }
      }
    }
  }

  private record Coefficient(int matrix, int constraint, int signal, Fr value) {}

  private static final Comparator<Coefficient> ORDER = Comparator.comparingInt(Coefficient::matrix)
      .thenComparingInt(Coefficient::constraint).thenComparingInt(Coefficient::signal);

  /** Section 4 must hold exactly the R1CS's A and B terms and the binding rows (A[m + j][j] = 1, j ≤ nPublic). */
  private static void checkCoefficients(Path path, ByteBuffer section, R1cs r1cs) throws IOException {
    int count = section.getInt();
    List<Coefficient> found = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int matrix = section.getInt();
      int constraint = section.getInt();
      int signal = section.getInt();
      byte[] le = new byte[32];
      section.get(le);
      // snarkjs stores value·R² (R = 2^256) as a plain little-endian integer
      Fr value = Fr.fromBigInteger(new BigInteger(1, reverse(le)).mod(R_MODULUS).multiply(R_INVERSE_SQUARED)
          .mod(R_MODULUS));
      found.add(new Coefficient(matrix, constraint, signal, value));
    }
    List<Coefficient> expected = new ArrayList<>();
    List<Constraint> constraints = r1cs.constraints();
    for (int c = 0; c < constraints.size(); c++) {
      addTerms(expected, 0, c, constraints.get(c).a());
      addTerms(expected, 1, c, constraints.get(c).b());
    }
    for (int j = 0; j <= r1cs.numPublic(); j++) {
      expected.add(new Coefficient(0, constraints.size() + j, j, Fr.ONE));
    }
    found.sort(ORDER);
    expected.sort(ORDER);
    for (int i = 0; i < Math.min(found.size(), expected.size()); i++) {
      if (!found.get(i).equals(expected.get(i))) {
        throw new IOException(path + ": coefficient " + found.get(i) + " differs from the circuit's "
            + expected.get(i) + ": the zkey is for another R1CS");
      }
    }
    requireSame(path, "coefficient count (A and B terms)", found.size(), expected.size());
  }

  private static void addTerms(List<Coefficient> out, int matrix, int constraint, LinearCombination lc) {
    for (Term term : lc.terms()) {
      if (!term.coefficient().isZero()) {
        out.add(new Coefficient(matrix, constraint, term.wire(), term.coefficient()));
      }
    }
  }

  private static void requireSame(Path path, String field, long found, long expected) throws IOException {
    if (found != expected) {
      throw new IOException(path + ": " + field + " is " + found + " but the circuit's R1CS has " + expected
          + ": the zkey is for another R1CS");
    }
  }

  private static void checkPrime(ByteBuffer buffer, BigInteger prime, String what) throws IOException {
    int size = buffer.getInt();
    if (size != 32) {
      throw new IOException(what + ": element size " + size + ", expected 32 (BN254)");
    }
    byte[] le = new byte[32];
    buffer.get(le);
    if (!new BigInteger(1, reverse(le)).equals(prime)) {
      throw new IOException(what + " is not BN254's");
    }
  }

  private static Fq fq(ByteBuffer buffer) {
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = buffer.getLong();
    }
    return Fq.fromMontgomeryLimbs(limbs, 0);
  }

  private static G1Point g1(ByteBuffer buffer, String what) throws IOException {
    Fq x = fq(buffer);
    Fq y = fq(buffer);
    G1Point point = x.isZero() && y.isZero() ? G1Point.INFINITY : new G1Point(x, y);
    if (!point.isOnCurve()) {
      throw new IOException("zkey " + what + ": not a point of G1");
    }
    return point;
  }

  private static G2Point g2(ByteBuffer buffer, String what) throws IOException {
    Fq2 x = new Fq2(fq(buffer), fq(buffer));
    Fq2 y = new Fq2(fq(buffer), fq(buffer));
    G2Point point = x.equals(Fq2.ZERO) && y.equals(Fq2.ZERO) ? G2Point.INFINITY : new G2Point(x, y);
    if (!point.isOnCurve() || !point.isInSubgroup()) {
      throw new IOException("zkey " + what + ": not a point of G2");
    }
    return point;
  }

  private static List<G1Point> g1s(ByteBuffer section, int count, String what) throws IOException {
    if (section.remaining() != 64L * count) {
      throw new IOException("zkey section " + what + " has " + section.remaining() + " bytes, expected " + count
          + " G1 points");
    }
    List<G1Point> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(g1(section, what + "[" + i + "]"));
    }
    return points;
  }

  private static List<G2Point> g2s(ByteBuffer section, int count, String what) throws IOException {
    if (section.remaining() != 128L * count) {
      throw new IOException("zkey section " + what + " has " + section.remaining() + " bytes, expected " + count
          + " G2 points");
    }
    List<G2Point> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(g2(section, what + "[" + i + "]"));
    }
    return points;
  }

  private static long[] slots(List<G1Point> points) {
    long[] out = new long[8 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      points.get(i).toSlots(out, 8 * i);
    }
    return out;
  }

  private static long[] g2Slots(List<G2Point> points) {
    long[] out = new long[16 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      points.get(i).toSlots(out, 16 * i);
    }
    return out;
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
