package dev.obsidian.circuits.groth16;

/**
 * A Groth16 proving key for one R1CS, with its bases held as affine points in limb slots (G1: 8 longs, G2: 16 longs
 * per point) ready for MSM.
 *
 * @param a [A_j(τ)]₁ for every wire
 * @param b1 [B_j(τ)]₁ for every wire
 * @param b2 [B_j(τ)]₂ for every wire
 * @param l [(β·A_j + α·B_j + C_j)(τ)/δ]₁ for each private wire j &gt; numPublic
 * @param h [τ^i·Z(τ)/δ]₁ for i = 0 .. n-2, Z(x) = x^n - 1
 */
public record ProvingKey(int numPublic, int numWires, int numConstraints, int log2DomainSize, long[] alpha1,
    long[] beta1, long[] delta1, long[] beta2, long[] delta2, long[] a, long[] b1, long[] b2, long[] l, long[] h,
    VerifyingKey verifyingKey) {

  public int domainSize() {
    return 1 << log2DomainSize;
  }

  /** The domain must hold every constraint plus one row per public wire (the wire-0..numPublic binding rows). */
  static int requiredDomainRows(int numConstraints, int numPublic) {
    return numConstraints + numPublic + 1;
  }
}
