package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.bn254.Curves;
import dev.obsidian.circuits.bn254.FixedBase;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.fft.Domain;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.MontgomeryKernel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic Groth16 setup whose secrets (τ, α, β, γ, δ) are derived from a seed. INSECURE: whoever knows the
 * seed can forge proofs. For development and benchmarks only; a warning is printed on every use.
 */
public final class DevSetup {
  public static final String WARNING = "WARNING: INSECURE Groth16 dev setup: the toxic waste is derived from a known"
      + " seed, so anyone with the seed can forge proofs. Never use these keys to secure value.";
  private static final MontgomeryKernel FR = MontgomeryKernel.BN254_FR;

  private DevSetup() {}

  public static ProvingKey generate(R1cs r1cs, byte[] seed) {
    return generate(r1cs, seed, System.err);
  }

  public static ProvingKey generate(R1cs r1cs, byte[] seed, PrintStream warnings) {
    warnings.println(WARNING);
    Fr tau = secret(seed, "tau");
    Fr alpha = secret(seed, "alpha");
    Fr beta = secret(seed, "beta");
    Fr gamma = secret(seed, "gamma");
    Fr delta = secret(seed, "delta");
    int m = r1cs.constraints().size();
    int numPublic = r1cs.numPublic();
    int numWires = r1cs.numWires();
    Domain domain = Domain.atLeast(ProvingKey.requiredDomainRows(m, numPublic));
    int n = domain.size();
    Fr[] lagrange = lagrangeAt(domain, tau);
    Matrices[] abc = Matrices.of(r1cs);
    Fr[] aAtTau = columns(abc[0], lagrange, numWires);
    for (int j = 0; j <= numPublic; j++) {
      aAtTau[j] = aAtTau[j].add(lagrange[m + j]); // the binding row m + j has A = w_j, B = C = 0
    }
    Fr[] bAtTau = columns(abc[1], lagrange, numWires);
    Fr[] cAtTau = columns(abc[2], lagrange, numWires);
    Fr gammaInverse = gamma.inverse();
    Fr deltaInverse = delta.inverse();
    int numPrivate = numWires - numPublic - 1;
    Fr zOverDelta = tau.pow(n).sub(Fr.ONE).mul(deltaInverse);

    // one batch of G1 scalars: a | b1 | l | h | ic | alpha, beta, delta
    int g1Count = 2 * numWires + numPrivate + (n - 1) + (numPublic + 1) + 3;
    long[] g1Scalars = new long[4 * g1Count];
    int k = 0;
    for (int j = 0; j < numWires; j++) {
      k = put(g1Scalars, k, aAtTau[j]);
    }
    for (int j = 0; j < numWires; j++) {
      k = put(g1Scalars, k, bAtTau[j]);
    }
    for (int j = numPublic + 1; j < numWires; j++) {
      k = put(g1Scalars, k, combined(aAtTau[j], bAtTau[j], cAtTau[j], alpha, beta).mul(deltaInverse));
    }
    Fr tauPower = Fr.ONE;
    for (int i = 0; i < n - 1; i++) {
      k = put(g1Scalars, k, tauPower.mul(zOverDelta));
      tauPower = tauPower.mul(tau);
    }
    for (int j = 0; j <= numPublic; j++) {
      k = put(g1Scalars, k, combined(aAtTau[j], bAtTau[j], cAtTau[j], alpha, beta).mul(gammaInverse));
    }
    k = put(g1Scalars, k, alpha);
    k = put(g1Scalars, k, beta);
    put(g1Scalars, k, delta);
    long[] g1 = new FixedBase(Curves::g1, G1Point.GENERATOR.toSlots()).multiply(g1Scalars, g1Count);

    long[] g2Scalars = new long[4 * (numWires + 3)];
    k = 0;
    for (int j = 0; j < numWires; j++) {
      k = put(g2Scalars, k, bAtTau[j]);
    }
    k = put(g2Scalars, k, beta);
    k = put(g2Scalars, k, gamma);
    put(g2Scalars, k, delta);
    long[] g2 = new FixedBase(Curves::g2, G2Point.GENERATOR.toSlots()).multiply(g2Scalars, numWires + 3);

    int offset = 0;
    long[] aQuery = slice(g1, offset, numWires, 8);
    offset += numWires;
    long[] b1Query = slice(g1, offset, numWires, 8);
    offset += numWires;
    long[] lQuery = slice(g1, offset, numPrivate, 8);
    offset += numPrivate;
    long[] hQuery = slice(g1, offset, n - 1, 8);
    offset += n - 1;
    List<G1Point> ic = new ArrayList<>();
    for (int j = 0; j <= numPublic; j++) {
      ic.add(G1Point.fromSlots(g1, 8 * (offset + j)));
    }
    offset += numPublic + 1;
    long[] alpha1 = slice(g1, offset, 1, 8);
    long[] beta1 = slice(g1, offset + 1, 1, 8);
    long[] delta1 = slice(g1, offset + 2, 1, 8);
    long[] b2Query = slice(g2, 0, numWires, 16);
    long[] beta2 = slice(g2, numWires, 1, 16);
    long[] gamma2 = slice(g2, numWires + 1, 1, 16);
    long[] delta2 = slice(g2, numWires + 2, 1, 16);
    VerifyingKey vk = new VerifyingKey(G1Point.fromSlots(alpha1, 0), G2Point.fromSlots(beta2, 0),
        G2Point.fromSlots(gamma2, 0), G2Point.fromSlots(delta2, 0), ic);
    return new ProvingKey(numPublic, numWires, m, domain.log2Size(), alpha1, beta1, delta1, beta2, delta2, aQuery,
        b1Query, b2Query, lQuery, hQuery, vk);
  }

  private static Fr combined(Fr a, Fr b, Fr c, Fr alpha, Fr beta) {
    return beta.mul(a).add(alpha.mul(b)).add(c);
  }

  /** Writes the plain (non-Montgomery) limbs of v at scalar index k; returns k + 1. */
  private static int put(long[] scalars, int k, Fr v) {
    v.copyMontgomeryLimbs(scalars, 4 * k);
    FR.fromMontgomery(scalars, 4 * k, scalars, 4 * k);
    return k + 1;
  }

  private static long[] slice(long[] points, int from, int count, int width) {
    long[] out = new long[count * width];
    System.arraycopy(points, from * width, out, 0, count * width);
    return out;
  }

  /** L_i(τ) = (τ^n - 1)/n · ω^i/(τ - ω^i): the Lagrange basis of the domain evaluated at τ. */
  static Fr[] lagrangeAt(Domain domain, Fr tau) {
    int n = domain.size();
    Fr[] roots = new Fr[n];
    Fr[] denominators = new Fr[n];
    Fr root = Fr.ONE;
    for (int i = 0; i < n; i++) {
      roots[i] = root;
      denominators[i] = tau.sub(root);
      root = root.mul(domain.generator());
    }
    Fr[] inverses = Fr.batchInverse(denominators); // τ in the domain has probability n/r: the batch inverse throws
    Fr zOverN = tau.pow(n).sub(Fr.ONE).mul(Fr.of(n).inverse());
    Fr[] out = new Fr[n];
    for (int i = 0; i < n; i++) {
      out[i] = zOverN.mul(roots[i]).mul(inverses[i]);
    }
    return out;
  }

  /** Σ_i M[i][j]·L_i(τ) for every wire j. */
  private static Fr[] columns(Matrices matrix, Fr[] lagrange, int numWires) {
    Fr[] out = new Fr[numWires];
    java.util.Arrays.fill(out, Fr.ZERO);
    for (int i = 0; i < matrix.rows; i++) {
      for (int k = matrix.rowStart[i]; k < matrix.rowStart[i + 1]; k++) {
        Fr coefficient = Fr.fromMontgomeryLimbs(matrix.coefficients, 4 * k);
        out[matrix.wires[k]] = out[matrix.wires[k]].add(coefficient.mul(lagrange[i]));
      }
    }
    return out;
  }

  /** A non-zero secret: SHA-256("obsidian/groth16-dev-setup/" + label + ":" + seed) reduced mod r. */
  static Fr secret(byte[] seed, String label) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("obsidian/groth16-dev-setup/" + label + ":").getBytes(StandardCharsets.UTF_8));
      sha.update(seed);
      Fr value = Fr.reduceBytesBE(sha.digest());
      if (value.isZero()) {
        throw new IllegalStateException("dev setup secret " + label + " is zero for this seed; choose another seed");
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
