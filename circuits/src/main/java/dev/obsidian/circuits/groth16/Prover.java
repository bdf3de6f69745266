package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.bn254.Curves;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.bn254.JacobianSlots;
import dev.obsidian.circuits.fft.Domain;
import dev.obsidian.circuits.msm.Msm;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.MontgomeryKernel;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.random.RandomGenerator;

/**
 * The Groth16 prover:
 * A = α + Σ w_j·A_j + r·δ, B = β + Σ w_j·B_j + s·δ, C = Σ_private w_j·L_j + Σ h_i·H_i + s·A + r·B₁ - r·s·δ,
 * where h(x) = (a(x)·b(x) - c(x))/(x^n - 1) is computed on a coset of the domain, where x^n - 1 is a constant.
 */
public final class Prover {
  private static final MontgomeryKernel FR = MontgomeryKernel.BN254_FR;

  private Prover() {}

  /**
   * Seconds spent per phase of one proof: witness conversion to limbs, the quotient h outside its FFTs (constraint
   * evaluation A·w, B·w, C·w and the pointwise products), the 7 FFTs, each MSM, and the whole proof.
   */
  public record Timings(double prepareSeconds, double quotientSeconds, double fftSeconds, double msmASeconds,
      double msmB1Seconds, double msmB2Seconds, double msmLSeconds, double msmHSeconds, double totalSeconds) {
    /** All five MSMs. */
    public double msmSeconds() {
      return msmASeconds + msmB1Seconds + msmB2Seconds + msmLSeconds + msmHSeconds;
    }
  }

  public record Result(Proof proof, Timings timings) {}

  public static Proof prove(ProvingKey pk, R1cs r1cs, Fr[] witness, RandomGenerator random) {
    return proveTimed(pk, r1cs, witness, random).proof();
  }

  /**
   * @param witness the full assignment, witness[0] = 1, in the R1CS's wire order
   * @param random the source of the zero-knowledge randomizers r and s (inject a seeded one for reproducible proofs)
   */
  public static Result proveTimed(ProvingKey pk, R1cs r1cs, Fr[] witness, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    long start = System.nanoTime();
    checkShape(pk, r1cs, witness);
    int numWires = pk.numWires();
    long[] wMont = new long[4 * numWires];
    long[] wPlain = new long[4 * numWires];
    for (int j = 0; j < numWires; j++) {
      witness[j].copyMontgomeryLimbs(wMont, 4 * j);
      FR.fromMontgomery(wMont, 4 * j, wPlain, 4 * j);
    }
    long quotientStart = System.nanoTime();
    double prepareSeconds = (quotientStart - start) / 1e9;
    double[] fftSeconds = new double[1];
    long[] hPlain = quotient(pk, r1cs, wMont, fftSeconds);
    double quotientSeconds = (System.nanoTime() - quotientStart) / 1e9;

    long msmStart = System.nanoTime();
    Supplier<JacobianSlots> g2 = Curves::g2;
    G1Point sumA = g1Msm(pk.a(), wPlain, 0, numWires);
    long msmB1Start = System.nanoTime();
    G1Point sumB1 = g1Msm(pk.b1(), wPlain, 0, numWires);
    long msmB2Start = System.nanoTime();
    JacobianSlots curve2 = g2.get();
    long[][] b2Terms = nonZeroTerms(pk.b2(), 16, wPlain, numWires);
    G2Point sumB2 = G2Point.INFINITY;
    if (b2Terms[1].length > 0) {
      long[] b2Jacobian = Msm.compute(g2, b2Terms[0], b2Terms[1], b2Terms[1].length / 4);
      long[] b2Affine = new long[16];
      curve2.toAffine(b2Jacobian, 0, b2Affine, 0);
      sumB2 = G2Point.fromSlots(b2Affine, 0);
    }
    long msmLStart = System.nanoTime();
    long[] privatePlain = java.util.Arrays.copyOfRange(wPlain, 4 * (pk.numPublic() + 1), 4 * numWires);
    G1Point sumL = g1Msm(pk.l(), privatePlain, 0, numWires - pk.numPublic() - 1);
    long msmHStart = System.nanoTime();
    G1Point sumH = g1Msm(pk.h(), hPlain, 0, pk.domainSize() - 1);
    long msmEnd = System.nanoTime();

    Fr r = randomScalar(random);
    Fr s = randomScalar(random);
    G1Point delta1 = G1Point.fromSlots(pk.delta1(), 0);
    G1Point a = G1Point.fromSlots(pk.alpha1(), 0).add(sumA).add(delta1.mul(r));
    G2Point b = G2Point.fromSlots(pk.beta2(), 0).add(sumB2).add(G2Point.fromSlots(pk.delta2(), 0).mul(s));
    G1Point b1 = G1Point.fromSlots(pk.beta1(), 0).add(sumB1).add(delta1.mul(s));
    G1Point c = sumL.add(sumH).add(a.mul(s)).add(b1.mul(r)).add(delta1.mul(r.mul(s)).negate());
    double total = (System.nanoTime() - start) / 1e9;
    return new Result(new Proof(a, b, c), new Timings(prepareSeconds, quotientSeconds - fftSeconds[0],
        fftSeconds[0], (msmB1Start - msmStart) / 1e9, (msmB2Start - msmB1Start) / 1e9, (msmLStart - msmB2Start) / 1e9,
        (msmHStart - msmLStart) / 1e9, (msmEnd - msmHStart) / 1e9, total));
  }

  private static void checkShape(ProvingKey pk, R1cs r1cs, Fr[] witness) {
    if (r1cs.numWires() != pk.numWires() || r1cs.numPublic() != pk.numPublic()
        || r1cs.constraints().size() != pk.numConstraints()) {
      throw new IllegalArgumentException("proving key is for " + pk.numConstraints() + " constraints, "
          + pk.numWires() + " wires, " + pk.numPublic() + " public; the R1CS has " + r1cs.constraints().size()
          + ", " + r1cs.numWires() + ", " + r1cs.numPublic());
    }
    if (witness.length != pk.numWires()) {
      throw new IllegalArgumentException("witness has " + witness.length + " values, the R1CS has "
          + pk.numWires() + " wires");
    }
    for (int j = 0; j < witness.length; j++) {
      Objects.requireNonNull(witness[j], "witness[" + j + "]");
    }
    if (!witness[0].equals(Fr.ONE)) {
      throw new IllegalArgumentException("witness[0] must be 1 (the constant wire), got " + witness[0]);
    }
  }

  private static G1Point g1Msm(long[] bases, long[] scalars, int offset, int count) {
    long[][] terms = nonZeroTerms(bases, 8, scalars, count);
    if (terms[1].length == 0) {
      return G1Point.INFINITY;
    }
    long[] jacobian = Msm.compute(Curves::g1, terms[0], terms[1], terms[1].length / 4);
    long[] affine = new long[8];
    Curves.g1().toAffine(jacobian, 0, affine, 0);
    return G1Point.fromSlots(affine, 0);
  }

  /**
   * The terms of an MSM that contribute: a zero scalar or a base at infinity (all-zero slots: a wire absent from that
   * query, e.g. most wires in B) adds nothing, and rollup witnesses are full of both (bit wires, unused columns).
   * Returns {bases, scalars} compacted, or the inputs themselves when nothing drops.
   */
  static long[][] nonZeroTerms(long[] bases, int width, long[] scalars, int count) {
    int kept = 0;
    boolean[] keep = new boolean[count];
    for (int i = 0; i < count; i++) {
      keep[i] = !allZero(scalars, 4 * i, 4) && !allZero(bases, width * i, width);
      kept += keep[i] ? 1 : 0;
    }
    if (kept == count) {
      return new long[][] {bases, scalars};
    }
    long[] keptBases = new long[kept * width];
    long[] keptScalars = new long[kept * 4];
    int k = 0;
    for (int i = 0; i < count; i++) {
      if (keep[i]) {
        System.arraycopy(bases, width * i, keptBases, width * k, width);
        System.arraycopy(scalars, 4 * i, keptScalars, 4 * k, 4);
        k++;
      }
    }
    return new long[][] {keptBases, keptScalars};
  }

  private static boolean allZero(long[] values, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (values[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Coefficients of h (n - 1 of them) as plain limbs; rejects a witness that violates a constraint. */
  static long[] quotient(ProvingKey pk, R1cs r1cs, long[] wMont, double[] fftSeconds) {
    Domain domain = new Domain(pk.log2DomainSize());
    int n = domain.size();
    Matrices[] abc = Matrices.of(r1cs);
    long[] a = new long[4 * n];
    long[] b = new long[4 * n];
    long[] c = new long[4 * n];
    abc[0].evaluate(wMont, a);
    abc[1].evaluate(wMont, b);
    abc[2].evaluate(wMont, c);
    int m = pk.numConstraints();
    System.arraycopy(wMont, 0, a, 4 * m, 4 * (pk.numPublic() + 1)); // binding rows: A = w_j, B = C = 0
    checkSatisfied(a, b, c, m);
    long fftStart = System.nanoTime();
    for (long[] v : new long[][] {a, b, c}) {
      domain.evaluationsToCoset(v);
    }
    fftSeconds[0] += (System.nanoTime() - fftStart) / 1e9;
    // on the coset, x^n - 1 = g^n - 1 everywhere: the division is folded into the inverse transform's scaling
    int chunks = n < 4096 ? 1 : Runtime.getRuntime().availableProcessors() * 4;
    int per = (n + chunks - 1) / chunks;
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      long[] t = new long[4];
      for (int i = chunk * per; i < Math.min(n, (chunk + 1) * per); i++) {
        FR.mul(a, 4 * i, b, 4 * i, t, 0);
        FR.sub(t, 0, c, 4 * i, a, 4 * i);
      }
    });
    fftStart = System.nanoTime();
    domain.inverseCosetFft(a, Domain.COSET_SHIFT.pow(n).sub(Fr.ONE).inverse());
    fftSeconds[0] += (System.nanoTime() - fftStart) / 1e9;
    if (!MontgomeryKernel.isZero(a, 4 * (n - 1))) {
      throw new IllegalStateException("quotient has degree n - 1: a(x)b(x) - c(x) is not divisible by x^n - 1");
    }
    long[] plain = new long[4 * (n - 1)];
    for (int i = 0; i < n - 1; i++) {
      FR.fromMontgomery(a, 4 * i, plain, 4 * i);
    }
    return plain;
  }

  private static void checkSatisfied(long[] a, long[] b, long[] c, int m) {
    long[] t = new long[4];
    for (int i = 0; i < m; i++) {
      FR.mul(a, 4 * i, b, 4 * i, t, 0);
      if (!java.util.Arrays.equals(t, 0, 4, c, 4 * i, 4 * i + 4)) {
        throw new IllegalArgumentException("witness does not satisfy constraint " + i + ": A·w × B·w ≠ C·w");
      }
    }
  }

  /** A uniform scalar from 512 random bits reduced mod r (negligible bias). */
  static Fr randomScalar(RandomGenerator random) {
    byte[] bytes = new byte[64];
    random.nextBytes(bytes);
    return Fr.reduceBytesBE(bytes);
  }
}
